// A key for the BI dashboard. Per-topic permissions only apply when both
// permissionAll* options are null; otherwise those blanket values win.
exports.default = async function buildConfig() {
  const readOnly = { read: true, write: false };
  return [
    {
      class: "apiKey",
      id: "reporting_key",
      name: "Reporting Dashboard",
      apiKey: process.env.REPORTING_API_KEY || "5f2b6c1d9e0a4b7c8d3e2f1a0b9c8d7e",
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
