// Test child: a steady CPU load. Busy-loops <busyMs> of every <periodMs> ms on a fixed grid
// and, every 250 ms, prints its own cumulative CPU time (getrusage, microseconds) with the
// wall time, so a test can compare the monitor's reading with what the child really used.
// Usage: node burner.mjs <marker> <busyMs> <periodMs>
const [, , , busyText = '25', periodText = '50'] = process.argv;
const busyMs = Number(busyText);
const periodMs = Number(periodText);
const t0 = performance.now();
let slot = 0;

function report() {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`cpu ${Date.now()} ${user + system}\n`);
}

function burn() {
  const end = performance.now() + busyMs;
  while (performance.now() < end);
  slot++;
  setTimeout(burn, Math.max(0, t0 + slot * periodMs - performance.now()));
}

process.stdout.write('ready\n');
report();
setInterval(report, 250);
burn();
