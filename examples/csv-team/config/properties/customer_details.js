// CSV columns can only be read as they are ("exact"); no sums or counts.
exports.default = () => [
  {
    class: "property",
    id: "billing_email",
    key: "billingEmail",
    type: "email",
    unique: true,
    sourceId: "customers_csv",
    options: { column: "billing_email", aggregationMethod: "exact" },
  },
  {
    class: "property",
    id: "plan",
    key: "plan",
    type: "string",
    sourceId: "customers_csv",
    options: { column: "plan_name", aggregationMethod: "exact" },
  },
  {
    class: "property",
    id: "seats",
    key: "seats",
    type: "integer",
    sourceId: "customers_csv",
    options: { column: "seat_count", aggregationMethod: "exact" },
  },
  {
    class: "property",
    id: "renews_on",
    key: "renewsOn",
    type: "date",
    sourceId: "customers_csv",
    options: { column: "renewal_date", aggregationMethod: "exact" },
  },
];
