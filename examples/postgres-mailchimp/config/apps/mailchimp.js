// Mailchimp account we send audience members to.
exports.default = async function buildConfig() {
  return [
    {
      class: "app",
      id: "mailchimp",
      name: "Mailchimp",
      type: "mailchimp",
      options: {
        // Mailchimp keys end in the data-center suffix, e.g. "-us6".
        apiKey: process.env.MAILCHIMP_API_KEY || "set-MAILCHIMP_API_KEY-us1",
      },
    },
  ];
};
