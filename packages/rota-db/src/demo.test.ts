import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDemo } from './demo.js';

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
