// constants and destructuring
const ids = ["a", "b"], { x = 2, y } = { y: 0x1f };
let t = x ** 2 % 7 > 1 ? 'big' : "small";
var z = null ?? undefined ?? -.5e3;
module.exports.default = function (config) { return { id: ids[0], t, z, y, s: JSON.stringify({ q: [1, "2"] }) }; };
