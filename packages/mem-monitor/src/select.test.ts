import { describe, expect, it } from 'vitest';
import { compilePattern } from './pattern.js';
import { chooseMatches, withDescendants } from './select.js';
import type { ProcessInfo } from './types.js';

const p = (pid: number, ppid: number, command: string): ProcessInfo => ({
  pid,
  ppid,
  name: command.split(' ')[0] ?? '',
  command,
});

// init -> bash -> mem-monitor (self, pid 20) whose command line contains the pattern too;
// init -> gunicorn master 30 -> workers 31, 32 (same command line) -> helper 33;
// init -> a second, unrelated server 40 with the same command line.
const table = [
  p(1, 0, 'init'),
  p(10, 1, 'bash -c mem-monitor --pattern gunicorn app:app'),
  p(20, 10, 'node mem-monitor --pattern gunicorn app:app'),
  p(30, 1, 'gunicorn app:app -w 2'),
  p(31, 30, 'gunicorn app:app -w 2'),
  p(32, 30, 'gunicorn app:app -w 2'),
  p(33, 31, 'sh -c helper'),
  p(40, 1, 'gunicorn app:app -w 2'),
  p(50, 20, 'gunicorn app:app --started-by-the-monitor'),
];

describe('chooseMatches', () => {
  const choice = chooseMatches(table, compilePattern('gunicorn app:app'), 20);

  it('never picks the monitor or its ancestors, but does pick its children', () => {
    const all = [...choice.chosen, ...choice.nestedMatches].map((x) => x.pid);
    expect(all).not.toContain(20);
    expect(all).not.toContain(10);
    expect(all).toContain(50);
  });

  it('sums top-level matches and sets nested matches apart', () => {
    expect(choice.chosen.map((x) => x.pid)).toEqual([30, 40, 50]);
    expect(choice.nestedMatches.map((x) => x.pid).sort()).toEqual([31, 32]);
  });

  it('returns nothing when nothing matches', () => {
    expect(chooseMatches(table, compilePattern('/^uvicorn/'), 20)).toEqual({
      chosen: [],
      nestedMatches: [],
    });
  });
});

describe('withDescendants', () => {
  it('adds the whole tree below each root once', () => {
    expect(withDescendants(table, [30]).sort((a, b) => a - b)).toEqual([30, 31, 32, 33]);
    expect(withDescendants(table, [30, 31]).sort((a, b) => a - b)).toEqual([30, 31, 32, 33]);
    expect(withDescendants(table, [40])).toEqual([40]);
  });
});
