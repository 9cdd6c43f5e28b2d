// The primary key of a profile: the `id` column of `users`.
exports.default = async function buildConfig() {
  return [
    {
      class: "property",
      id: "user_id",
      key: "userId",
      type: "integer",
      unique: true,
      isArray: false,
      sourceId: "users_table",
      options: { column: "id", aggregationMethod: "exact" },
    },
  ];
};
