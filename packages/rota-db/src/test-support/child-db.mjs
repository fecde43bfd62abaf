// Child process for the orphan tests: starts an embedded database from the built package,
// reports its pid and data dir, then, by mode (argv[2]; the die modes act on a line on stdin):
// - (none): idles until a signal arrives;
// - die-after-postgres-stops: stops postgres with SIGINT (what a first Ctrl-C does), and
//   SIGKILLs itself as soon as postgres is gone, before the data folder can be removed;
// - die-during-stop: calls stop() and SIGKILLs itself as soon as postgres is gone, while the
//   folder is being removed (a second Ctrl-C during the first one's clean-up).
import { startEmbeddedDatabase } from '../../dist/index.js';

const db = await startEmbeddedDatabase();
process.stdout.write(`${JSON.stringify({ pid: db.pid, dataDir: db.dataDir, port: db.port })}\n`);
const mode = process.argv[2];

const gone = (pid) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

// setImmediate runs right after the event-loop phase that reaps postgres (and emits its 'exit'),
// so the kill lands before any asynchronous removal can finish.
function dieWhenPostgresIsGone() {
  if (gone(db.pid)) process.kill(process.pid, 'SIGKILL');
  else setImmediate(dieWhenPostgresIsGone);
}

if (mode === 'die-after-postgres-stops' || mode === 'die-during-stop') {
  process.stdin.once('data', () => {
    if (mode === 'die-during-stop') db.stop();
    else process.kill(db.pid, 'SIGINT');
    dieWhenPostgresIsGone();
  });
} else {
  setInterval(() => {}, 1000);
}
