// Problem 1 (duplicate id): apps/warehouse_copy.json uses this id as well.
exports.default = async function buildConfig() {
  return [
    {
      class: "app",
      id: "warehouse",
      name: "Warehouse",
      type: "postgres",
      options: { database: "product", password: process.env.WAREHOUSE_PASSWORD },
    },
  ];
};
