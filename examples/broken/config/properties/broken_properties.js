exports.default = async function buildConfig() {
  return [
    {
      // Problem 2 (unknown reference): there is no source "crm_contacts".
      class: "property",
      id: "crm_score",
      key: "crmScore",
      type: "integer",
      sourceId: "crm_contacts",
      options: { column: "score", aggregationMethod: "exact" },
    },
    {
      // Problem 3 (bad id): ids may only use letters, digits, "-" and "_".
      class: "property",
      id: "first name!",
      key: "firstName",
      type: "string",
      sourceId: "users",
      options: { column: "first_name", aggregationMethod: "exact" },
    },
    {
      // Problem 5 (bad property type): "text" is not a property type.
      class: "property",
      id: "bio",
      key: "bio",
      type: "text",
      sourceId: "users",
      options: { column: "bio", aggregationMethod: "exact" },
    },
  ];
};
