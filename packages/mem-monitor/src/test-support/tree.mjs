// Test child: a parent that starts <children> copies of allocator.mjs (holding <MiB> each),
// reports their pids once every child has allocated, then lives for <lifeMs>.
// Usage: node tree.mjs <marker> <children> <MiB> <lifeMs>
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [, , , childrenText = '2', mibText = '40', lifeText = '5000'] = process.argv;
const allocator = fileURLToPath(new URL('./allocator.mjs', import.meta.url));
const children = [];
const allocated = [];
for (let i = 0; i < Number(childrenText); i++) {
  // One step of <MiB>, then hold for the parent's whole life.
  const child = spawn(process.execPath, [allocator, 'child', '1', mibText, '10', lifeText], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  children.push(child);
  allocated.push(
    new Promise((resolve) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('step 1')) resolve();
      });
    }),
  );
}
setTimeout(() => {
  for (const child of children) child.kill();
  process.exit(0);
}, Number(lifeText));
await Promise.all(allocated);
process.stdout.write(`children ${children.map((c) => c.pid).join(',')}\n`);
