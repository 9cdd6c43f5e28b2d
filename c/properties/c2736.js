// A property read from one column of a table source (class "property").
exports.default = async function buildConfig() {
  return [
    {
      class: "property",
      id: "c2736", // Identifies this property; mappings and group rules refer to it.
      name: "c2736", // The property key. Unique across all properties.
      sourceId: "big", // The id of the table source this property reads from.
      type: "string", // One of "boolean", "date", "email", "float", "integer", "phoneNumber", "string", "url".
      unique: false, // true = no two records share a value (ids, emails); needed for properties used in a mapping.
      isArray: false, // true = keep every matching value as a list instead of one value.
      options: {
        column: "c2736", // The column to read, e.g. "first_name".
        aggregationMethod: "exact", // How several rows combine: "exact", "average", "count", "sum", "min", "max", "most recent value", "least recent value".
        sort: null, // Optional column to order rows by before aggregating; null = unordered.
      },

      // Optional row filters, all of which must hold, e.g.
      //   [{ key: "state", op: "eq", match: "paid" }, { key: "amount", op: "gt", match: 0 }]
      // Operations: eq, ne, gt, gte, lt, lte, substring, notSubstring, in, exists, notExists.
      filters: [],
    },
  ];
};
