import { describe, expect, it } from 'vitest';
import { createSystemInformationSource } from './si-source.js';

// The fallback source is what macOS and Windows use; it runs here too, over `ps`.
describe('createSystemInformationSource', () => {
  it('lists this process with its command line and reads its memory', async () => {
    const source = createSystemInformationSource();
    const self = (await source.listProcesses()).find((p) => p.pid === process.pid);
    expect(self?.ppid).toBe(process.ppid);
    // ps shows the arguments; the script path of this worker is one of them.
    expect(self?.command).toContain(process.argv[1] ?? '<no script>');

    const usage = (await source.readUsage([process.pid, 2 ** 22 + 3])).get(process.pid);
    const rss = process.memoryUsage().rss;
    expect(Math.abs((usage?.rssBytes ?? 0) - rss)).toBeLessThan(rss * 0.25);
    expect(usage?.vmsBytes).toBeGreaterThan(usage?.rssBytes ?? 0);
  });

  it('reports a pid that does not exist as gone', async () => {
    const source = createSystemInformationSource();
    expect((await source.readUsage([2 ** 22 + 3])).size).toBe(0);
  });
});
