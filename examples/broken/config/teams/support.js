exports.default = async function buildConfig() {
  return [
    {
      class: "team",
      id: "support",
      name: "Support",
      color: "purple", // Problem 4 (unknown key): teams have no "color".
      options: { permissionAllRead: true, permissionAllWrite: false },
    },
  ];
};
