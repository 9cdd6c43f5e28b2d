// People worth a thank-you note: big spenders who joined in the last 90 days.
exports.default = async function buildConfig() {
  return [
    {
      class: "group",
      id: "high_value",
      name: "High Value Newcomers",
      modelId: "mod_profiles",
      rules: [
        { propertyId: "lifetime_value", op: "gte", match: 100 },
        { propertyId: "email", op: "exists" },
        {
          propertyId: "signed_up_at",
          op: "relative_gt", // "is in the past", i.e. within the last N units
          relativeMatchNumber: 90,
          relativeMatchUnit: "days",
        },
      ],
    },
  ];
};
