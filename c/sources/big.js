// A source reading one table of Postgres (class "source"), and its schedule.
exports.default = async function buildConfig() {
  return [
    {
      class: "source",
      id: "big", // Identifies this source; properties point at it with `sourceId`.
      name: "big", // Shown in the Grouparoo UI. Unique among sources.
      type: "postgres-import-table", // The plugin's table import connection.
      appId: "wh", // The id of the app (database connection) to read from.
      modelId: "mod_profiles", // The model whose records this source fills.
      options: {
        table: "...", // The table to read, e.g. "users".
      },

      // How a row finds its record: { "<column in the table>": "<id of a unique Grouparoo property>" }.
      // For example { id: "user_id" } matches the table's id column to the user_id property.
      mapping: {
        "...": "user_id",
      },
    },

    // A schedule re-imports changed rows regularly. To add one, uncomment this object and set
    // `column` to a column that grows whenever a row changes (or pass --high-water-mark COLUMN).
    // {
    //   class: "schedule",
    //   id: "big_schedule",
    //   name: "big_schedule",
    //   sourceId: "big",
    //   recurring: true, // true = run every recurringFrequency; false = only when started by hand.
    //   recurringFrequency: 1000 * 60 * 15, // Milliseconds between runs (here 15 minutes); at least 60000.
    //   options: {
    //     column: "...", // e.g. "updated_at"
    //   },
    // },
  ];
};
