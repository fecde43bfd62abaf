// Test child: a parent that starts <children> copies of allocator.mjs (holding <MiB> each),
// then lives for <lifeMs>. Usage: node tree.mjs <marker> <children> <MiB> <lifeMs>
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [, , , childrenText = '2', mibText = '40', lifeText = '5000'] = process.argv;
const allocator = fileURLToPath(new URL('./allocator.mjs', import.meta.url));
const children = [];
for (let i = 0; i < Number(childrenText); i++) {
  // One step of <MiB>, then hold for the parent's whole life.
  children.push(
    spawn(process.execPath, [allocator, 'child', '1', mibText, '10', lifeText], {
      stdio: 'ignore',
    }),
  );
}
setTimeout(() => {
  for (const child of children) child.kill();
  process.exit(0);
}, Number(lifeText));
process.stdout.write(`children ${children.map((c) => c.pid).join(',')}\n`);
