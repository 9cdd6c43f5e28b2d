const fetchThing = require("some-package");
exports.default = async () => { for (let i = 0; i < 3; i++) {} return [await fetchThing()]; };
