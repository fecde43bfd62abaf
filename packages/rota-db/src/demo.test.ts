import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from './demo.js';
import { itemsInLockOrder } from './fixture/content.js';
import { generateFixture } from './fixture/generate.js';
import { FIXTURE_PRESETS } from './fixture/options.js';

describe('runDemo arguments', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('rejects an unknown preset with exit code 2 and one line naming it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runDemo(['--preset', 'huge'], {})).toBe(2);
    expect(error).toHaveBeenCalledWith(
      'rota-db demo: invalid --preset "huge": expected small or large',
    );
  });

  it('rejects an unknown argument with exit code 2', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runDemo(['--verbose'], {})).toBe(2);
    expect(String(error.mock.calls[0]?.[0])).toContain('unknown argument "--verbose"');
  });

  it('a malformed DATABASE_URL is a usage error naming the value', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await expect(runDemo([], { DATABASE_URL: 'mysql://x@y/z' })).rejects.toMatchObject({
      usage: true,
      message: expect.stringContaining('scheme "mysql:" is not postgres: or postgresql:'),
    });
  });
});

describe('runDemo end to end', () => {
  it('starts a database, seeds the small fixture and prints counts and showcase names', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    expect(await runDemo([], {})).toBe(0);
    const data = generateFixture(FIXTURE_PRESETS.small);
    const count = (table: string) =>
      lines
        .find((l) => l.trim().startsWith(`${table} `))
        ?.trim()
        .split(/\s+/)[1];
    expect(count('trails')).toBe(String(data.trails.length));
    expect(count('trail_items')).toBe(String(data.trails.flatMap(itemsInLockOrder).length));
    expect(count('users')).toBe(String(data.users.length));
    const output = lines.join('\n');
    for (const trail of data.trails) expect(output).toContain(trail.name);
  });
});
