/**
 * A small round-robin HTTP load balancer in a process of its own: each request goes to the next
 * backend over a keep-alive connection; nothing is shared between the backends but what they share
 * themselves (the database). Prints `{url}` when ready; exits when stdin closes.
 *
 *   node --import tsx bench/lib/balancer.ts <backend url> <backend url> …
 */
import http from 'node:http';

const backends = process.argv.slice(2).map((u) => new URL(u));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;
const server = http.createServer((req, res) => {
  const to = backends[next++ % backends.length]!;
  const up = http.request(
    { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(up);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(
    JSON.stringify({ url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` }),
  );
});
process.stdin.on('data', () => {});
process.stdin.on('end', () => server.close(() => process.exit(0)));
