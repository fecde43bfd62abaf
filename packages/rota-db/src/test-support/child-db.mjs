// Child process for the orphan tests: starts an embedded database from the built package,
// reports its pid and data dir, then idles until a signal arrives.
import { startEmbeddedDatabase } from '../../dist/index.js';

const db = await startEmbeddedDatabase();
process.stdout.write(`${JSON.stringify({ pid: db.pid, dataDir: db.dataDir, port: db.port })}\n`);
setInterval(() => {}, 1000);
