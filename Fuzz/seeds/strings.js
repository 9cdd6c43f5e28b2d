exports.default = { id: 'it\'s', a: "tab\tnl\n\u00e9\x41\u{1F600}", b: `multi
line ${"x" + 1}`, c: 'cont\
inued', d: 0o17 + 0b101 - 1_000 };
