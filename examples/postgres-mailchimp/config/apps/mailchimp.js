// Mailchimp account we send audience members to.
exports.default = async function buildConfig() {
  return [
    {
      class: "app",
      id: "mailchimp",
      name: "Mailchimp",
      type: "mailchimp",
      options: {
        // The key is required, so it cannot simply be left out when unset. Instead
        // the value names an environment variable: when Grouparoo loads this app it
        // replaces it with $GROUPAROO_OPTION__APP__MAILCHIMP_API_KEY (Grouparoo's own
        // option substitution). The key itself never appears in the repository.
        apiKey: "MAILCHIMP_API_KEY",
      },
    },
  ];
};
