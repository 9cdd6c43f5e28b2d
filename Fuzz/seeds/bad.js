exports.default = async function () { return [ { id: "x" class: "app" } ]; };
