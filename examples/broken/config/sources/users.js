exports.default = async function buildConfig() {
  return [
    {
      class: "source",
      id: "users",
      name: "Users",
      type: "postgres-import-table",
      appId: "warehouse",
      modelId: "mod_profiles",
      options: { table: "users" },
      mapping: { id: "user_id" },
    },
    {
      // Problem 6 (frequency too low): 30 seconds; recurring schedules need >= 60000 ms.
      class: "schedule",
      id: "users_schedule",
      name: "Users Schedule",
      sourceId: "users",
      recurring: true,
      recurringFrequency: 1000 * 30,
      options: { column: "updated_at" },
    },
  ];
};
