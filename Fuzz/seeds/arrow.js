const base = { class: "schedule", recurring: true };
module.exports = () => [{ ...base, id: `s_${1 + 2}`, recurringFrequency: 1000 * 60 * 15 }];
