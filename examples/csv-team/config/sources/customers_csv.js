// A CSV export of the billing system, downloaded at most once a day.
const ONE_DAY = 1000 * 60 * 60 * 24;

exports.default = async function buildConfig() {
  return [
    {
      class: "source",
      id: "customers_csv",
      name: "Customers CSV",
      type: "csv-import-table",
      appId: "csv",
      modelId: "mod_customers",
      options: {
        url: process.env.CUSTOMERS_CSV_URL || "https://example.com/exports/customers.csv",
        fileAgeHours: "24", // one of "1", "6", "12" or "24"
      },
      mapping: { customer_id: "customer_id" },
    },
    {
      // CSV sources cannot import incrementally and take no schedule options.
      class: "schedule",
      id: "customers_csv_schedule",
      name: "Customers CSV Schedule",
      sourceId: "customers_csv",
      recurring: true,
      incremental: false,
      recurringFrequency: ONE_DAY,
      confirmRecords: true,
    },
  ];
};
