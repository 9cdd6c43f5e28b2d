// A fake Grouparoo REST API for grouparoo-gen's tests and benchmarks (rest-api.md §2, §3, §5, §6).
// Usage: node fake-grouparoo.js settings.json — prints "PORT n" once listening on 127.0.0.1.
// settings: { apiKey, lists: {path: [apiData]}, paginated: {path: bool}, topics: {path: topic},
//             lifetimeMs, log, behaviour: { forbiddenTopics, failFirst, brokenId, delayMilliseconds,
//             truncate, notJSON, maxPage } }. It exits after lifetimeMs or when stdin closes.
const http = require("http");
const fs = require("fs");
const settings = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const behaviour = settings.behaviour;
let requestCount = 0;
const metadata = { serverInformation: { serverName: "fake", apiVersion: "0.9.0" }, requesterInformation: { id: "x" } };
function send(res, status, body) {
  let text = typeof body === "string" ? body : JSON.stringify(Object.assign({}, body, metadata), null, 2);
  const finish = () => {
    if (behaviour.truncate) {
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)), () => setTimeout(() => res.socket.destroy(), 20));
      return;
    }
    const type = typeof body === "string" ? "text/html" : "application/json; charset=utf-8";
    res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) });
    res.end(text);
  };
  if (behaviour.delayMilliseconds > 0) setTimeout(finish, behaviour.delayMilliseconds); else finish();
}
function error(res, message, code) {
  const err = { message, fields: [], sql: null };
  if (code) err.code = code;
  send(res, 500, { error: err });
}
const server = http.createServer((req, res) => {
  requestCount += 1;
  const url = new URL(req.url, "http://localhost");
  const header = req.headers["authorization"];
  let key = url.searchParams.get("apiKey");
  let via = key ? "query" : "none";
  if (header !== undefined) {
    const [scheme, token] = header.split(" ");
    if (scheme.toLowerCase() !== "bearer") return error(res, "APIKeys should be sent with the `Authorization: Bearer <token>` scheme");
    key = token; via = "header";
  }
  fs.appendFileSync(settings.log, `${req.method} ${url.pathname}${url.search.replace(/apiKey=[^&]*/, "apiKey=…")} ${via}\n`);
  if (requestCount <= behaviour.failFirst) return send(res, 502, "<html>Bad gateway</html>");
  if (behaviour.notJSON) return send(res, 200, "<html><body>Welcome to nginx!</body></html>");
  const match = url.pathname.match(/^\/api\/v1\/([A-Za-z]+)$/);
  if (!match || !(match[1] in settings.lists)) return send(res, 404, { error: { message: "unknown action or invalid apiVersion" } });
  if (!key) return error(res, "Please sign in to continue", "AUTHENTICATION_ERROR");
  if (key !== settings.apiKey) return error(res, "apiKey not found", "AUTHENTICATION_ERROR");
  const path = match[1];
  const topic = settings.topics[path];
  if (behaviour.forbiddenTopics.includes(topic)) return error(res, `Not authorized for mode "read" on topic "${topic}"`, "AUTHORIZATION_ERROR");
  const list = settings.lists[path];
  if (!settings.paginated[path]) {
    if (behaviour.brokenId && list.some((item) => item.id === behaviour.brokenId)) return error(res, "Cannot read properties of null (reading 'name')");
    return send(res, 200, { [path]: list });
  }
  const limit = Number(url.searchParams.get("limit") || 100);
  const offset = Number(url.searchParams.get("offset") || 0);
  const size = behaviour.maxPage ? Math.min(limit, behaviour.maxPage) : limit;
  const page = list.slice(offset, offset + size);
  if (behaviour.brokenId && page.some((item) => item.id === behaviour.brokenId)) {
    return error(res, `Cannot find a "gone" app available within the installed plugins (${behaviour.brokenId})`);
  }
  send(res, 200, { total: list.length, [path]: page });
});
server.listen(0, "127.0.0.1", () => { process.stdout.write(`PORT ${server.address().port}\n`); });
setTimeout(() => process.exit(0), settings.lifetimeMs).unref();
process.stdin.on("end", () => process.exit(0));
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
