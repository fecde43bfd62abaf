// Baseline for the benchmark: a bare node:http hello-world in its own process, like rota-api.
import { createServer } from 'node:http';

const body = Buffer.from('{"hello":"world"}\n');
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${address.port}` });
});
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message?.type === 'stop') server.close(() => process.exit(0));
});
