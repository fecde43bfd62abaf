// Trivial loopback target for the benchmarks, in its own process; reports its port over IPC.
import { createServer } from 'node:http';

const server = createServer((_req, res) => res.end('ok'));
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
