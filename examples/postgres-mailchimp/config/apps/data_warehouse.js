// The Postgres database that holds our product's users.
// The password is never written here: it is read from the environment
// (or from a file passed with --env-file, see ../example.env). Without it
// the option is left out, which `|| undefined` states explicitly.

const refreshEveryMinutes = 10;

exports.default = async function buildConfig() {
  return [
    {
      class: "app",
      id: "data_warehouse",
      name: "Data Warehouse",
      type: "postgres",
      options: {
        host: process.env.DATA_WAREHOUSE_HOST || "localhost",
        port: 5432,
        database: "product",
        schema: "public",
        user: "grouparoo_reader",
        password: process.env.DATA_WAREHOUSE_PASSWORD || undefined,
      },
      // Re-run the sources whenever this query's answer changes.
      refresh: {
        query: "SELECT MAX(updated_at) FROM users",
        recurringFrequency: 1000 * 60 * refreshEveryMinutes, // milliseconds
      },
    },
  ];
};
