import { runCaptured } from '@rota-perf/core/node';
import { describe, expect, it } from 'vitest';
import { demoCommand, runDemo } from './demo.js';
import { itemsInLockOrder } from './fixture/content.js';
import { generateFixture } from './fixture/generate.js';
import { FIXTURE_PRESETS } from './fixture/options.js';

const demo = (argv: string[], env: Record<string, string> = {}) =>
  runCaptured(demoCommand, argv, { env });

describe('demo arguments', () => {
  it('rejects an unknown preset with exit code 2 and one line naming it', async () => {
    expect(await demo(['--preset', 'huge'])).toEqual({
      code: 2,
      out: [],
      err: ['rota-db-demo: --preset must be one of small, large, got "huge"'],
    });
  });

  it('rejects an unknown argument with exit code 2', async () => {
    const { code, err } = await demo(['--verbose']);
    expect(code).toBe(2);
    expect(err).toEqual(['rota-db-demo: unknown option "--verbose" (see rota-db-demo --help)']);
  });

  it('a malformed DATABASE_URL is a usage error naming the value', async () => {
    const { code, err } = await demo([], { DATABASE_URL: 'mysql://x@y/z' });
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain('scheme "mysql:" is not postgres: or postgresql:');
  });
});

describe('runDemo end to end', () => {
  it('starts a database, seeds the small fixture and prints counts and showcase names', async () => {
    const lines: string[] = [];
    expect(await runDemo('small', {}, (line) => lines.push(line))).toBe(0);
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
