// Team members log in with email and password. The password comes from the
// environment so it never lands in version control; unset (or empty), the
// member has no password until one is set in the UI.
exports.default = async function buildConfig() {
  return [
    {
      class: "teamMember",
      id: "ana_lytics",
      teamId: "analysts",
      email: "ana@example.com",
      options: {
        firstName: "Ana",
        lastName: "Lytics",
        password: process.env.ANALYST_PASSWORD || undefined,
      },
    },
  ];
};
