// Baseline of `npm run bench`: a bare Node `http` server that sends the bytes of one file (the
// directory page as the app served it) for every request. Runs in its own process so that it does
// not share a thread with autocannon. Usage: node scripts/bench/bare-server.ts FILE; prints "READY <port>".
import http from 'node:http';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.argv[2] ?? '');
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
