// Keep the newsletter audience in step with the High Value group.
// `mapping` goes Mailchimp merge field -> property id; Mailchimp needs the email.
// `destinationGroupMemberships` turns group membership into a Mailchimp tag.
exports.default = async function buildConfig() {
  return [
    {
      class: "destination",
      id: "mailchimp_newsletter",
      name: "Mailchimp Newsletter",
      type: "mailchimp-export-contacts",
      appId: "mailchimp",
      modelId: "mod_profiles",
      syncMode: "sync", // create, update and delete contacts
      collection: "group",
      groupId: "high_value",
      options: { listId: process.env.MAILCHIMP_LIST_ID || "a1b2c3d4e5" },
      mapping: {
        email_address: "email",
        FNAME: "first_name",
        LNAME: "last_name",
      },
      destinationGroupMemberships: {
        "High Value": "high_value",
      },
    },
  ];
};
