import { UsageError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { compilePattern } from './pattern.js';

const command = '/usr/bin/python3 -m uvicorn app.asgi:app --port 8000';

describe('compilePattern', () => {
  it('treats plain text as a substring of the command line, dots and all', () => {
    expect(compilePattern('uvicorn app.asgi:app')(command)).toBe(true);
    expect(compilePattern('uvicorn app.asgi:app')(command.replace('app.asgi', 'appXasgi'))).toBe(
      false,
    );
    expect(compilePattern('gunicorn')(command)).toBe(false);
  });

  it('treats /source/flags as a regex', () => {
    expect(compilePattern('/uvicorn\\s+app\\.asgi/')(command)).toBe(true);
    expect(compilePattern('/UVICORN/')(command)).toBe(false);
    expect(compilePattern('/UVICORN/i')(command)).toBe(true);
    expect(compilePattern('/node .*rota-api/')('node /srv/tools/rota-api/dist/main.js')).toBe(true);
  });

  it('drops g and y so repeated tests of one RegExp do not skip matches', () => {
    const matches = compilePattern(/uvicorn/g);
    expect([matches(command), matches(command), matches(command)]).toEqual([true, true, true]);
  });

  it('rejects an invalid regex and an empty pattern with a usage error naming the value', () => {
    expect(() => compilePattern('/(unclosed/')).toThrow(UsageError);
    expect(() => compilePattern('/(unclosed/')).toThrow(
      /--pattern \/\(unclosed\/ is not a valid regex/,
    );
    expect(() => compilePattern('/a/q')).toThrow(/not a valid regex/);
    expect(() => compilePattern('  ')).toThrow(/--pattern is empty/);
  });
});
