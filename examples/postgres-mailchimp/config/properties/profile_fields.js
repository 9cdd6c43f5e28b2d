// Plain columns of `users`. The fields every one of them shares are written once
// and spread into each object.
const fromUsersTable = {
  class: "property",
  sourceId: "users_table",
  unique: false,
  isArray: false,
};

exports.default = async function buildConfig() {
  return [
    { ...fromUsersTable, id: "first_name", key: "firstName", type: "string", options: { column: "first_name", aggregationMethod: "exact" } },
    { ...fromUsersTable, id: "last_name", key: "lastName", type: "string", options: { column: "last_name", aggregationMethod: "exact" } },
    { ...fromUsersTable, id: "signed_up_at", key: "signedUpAt", type: "date", options: { column: "created_at", aggregationMethod: "exact" } },
    {
      // Total spend: the sum of `lifetime_value` over paid rows only.
      ...fromUsersTable,
      id: "lifetime_value",
      key: "lifetimeValue",
      type: "float",
      options: { column: "lifetime_value", aggregationMethod: "sum" },
      filters: [{ key: "status", op: "eq", match: "paid" }],
    },
  ];
};
