// Customers are companies, not people, so this model is an "account" model.
module.exports = {
  class: "model",
  id: "mod_customers",
  name: "Customers",
  type: "account",
};
