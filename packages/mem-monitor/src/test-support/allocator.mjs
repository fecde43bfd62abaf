// Test child: allocates memory in known steps, then holds it and exits.
// Usage: node allocator.mjs <marker> <steps> <stepMiB> <stepMs> <holdMs>
// The marker only makes the command line unique for --pattern tests.
const [, , , stepsText = '4', stepMiBText = '50', stepMsText = '400', holdMsText = '1000'] =
  process.argv;
const steps = Number(stepsText);
const stepBytes = Number(stepMiBText) * 1024 * 1024;
const kept = [];
let done = 0;
process.stdout.write('ready\n');
const timer = setInterval(() => {
  if (done === steps) {
    clearInterval(timer);
    setTimeout(() => process.exit(0), Number(holdMsText));
    return;
  }
  // fill() touches every page, so the allocation is resident, not just reserved.
  kept.push(Buffer.alloc(stepBytes).fill(1));
  done++;
  process.stdout.write(`step ${done}\n`);
}, Number(stepMsText));
