// The people who run Grouparoo, and the first of them.
exports.default = async function buildConfig() {
  return [
    {
      class: "team",
      id: "admin_team",
      name: "Admins",
      options: { permissionAllRead: true, permissionAllWrite: true },
    },
    {
      class: "teamMember",
      id: "ops_lead",
      teamId: "admin_team",
      email: "ops@example.com",
      options: {
        firstName: "Olive",
        lastName: "Operator",
        // Hashed by Grouparoo on load. Unset means no password yet (set it in the UI);
        // `|| undefined` says so explicitly, and an empty variable counts as unset.
        password: process.env.ADMIN_PASSWORD || undefined,
      },
    },
  ];
};
