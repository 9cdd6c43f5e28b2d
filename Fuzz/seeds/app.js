exports.default = async function buildConfig() {
  return [{ class: "app", id: "db", name: "DB", type: "postgres", options: { port: 5432, password: process.env.PW || "x" } }];
};
