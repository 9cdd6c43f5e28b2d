// Import one record per row of the `users` table.
// `mapping` ties the table's `id` column to the `user_id` property; because that
// property belongs to this very source it is created together with the source,
// so it must be unique and must not be an array.

const sourceId = "users_table";

exports.default = async function buildConfig() {
  return [
    {
      class: "source",
      id: sourceId,
      name: "Users Table",
      type: "postgres-import-table",
      appId: "data_warehouse",
      modelId: "mod_profiles",
      options: { table: "users" },
      mapping: { id: "user_id" },
    },
    {
      // Poll the table for changed rows, ordered by `updated_at`.
      class: "schedule",
      id: `${sourceId}_schedule`,
      name: "Users Table Schedule",
      sourceId,
      recurring: true,
      incremental: true,
      recurringFrequency: 1000 * 60 * 15, // every 15 minutes
      confirmRecords: false,
      options: { column: "updated_at" },
      filters: [],
    },
  ];
};
