// A key for the BI dashboard. Per-topic permissions only apply when both
// permissionAll* options are null; otherwise those blanket values win.
// Without REPORTING_API_KEY, Grouparoo generates a random key.
exports.default = async function buildConfig() {
  const readOnly = { read: true, write: false };
  return [
    {
      class: "apiKey",
      id: "reporting_key",
      name: "Reporting Dashboard",
      apiKey: process.env.REPORTING_API_KEY || undefined,
      options: { permissionAllRead: null, permissionAllWrite: null },
      permissions: [
        { topic: "record", ...readOnly },
        { topic: "property", ...readOnly },
        { topic: "group", ...readOnly },
        { topic: "export", read: true, write: true },
      ],
    },
  ];
};
