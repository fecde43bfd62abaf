// The built bundles must run on every k6 with http.asyncRequest (v0.43+): ES2017 syntax only,
// no imports but k6 modules, and none of the globals k6 lacks (test-data/k6-golden/05-syntax.out).
import { readFileSync } from 'node:fs';
import { SCRIPT_NAMES } from '@rota-perf/core';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { GLOBALS_K6_LACKS } from '../../core/src/test-support/missing-in-k6.js';
import { bundlePath } from './test-support/harness.js';

type Node = { type: string; [key: string]: unknown };

// Identifiers used as values (not property names or object keys) anywhere in the program.
function freeIdentifiers(node: unknown, found: Set<string>, parent?: Node, key?: string): void {
  if (Array.isArray(node)) {
    for (const child of node) freeIdentifiers(child, found, parent, key);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  const n = node as Node;
  const isPropertyName =
    (parent?.type === 'MemberExpression' && key === 'property' && !parent.computed) ||
    (parent?.type === 'Property' && key === 'key' && !parent.computed);
  if (n.type === 'Identifier' && !isPropertyName) found.add(n.name as string);
  for (const [k, v] of Object.entries(n)) if (k !== 'type') freeIdentifiers(v, found, n, k);
}

// Local names under which the bundle imports `sleep` from 'k6' (rollup may rename it).
function sleepNames(program: { body: Node[] }): Set<string> {
  const names = new Set<string>();
  for (const n of program.body) {
    if (n.type !== 'ImportDeclaration' || (n.source as { value?: string }).value !== 'k6') continue;
    for (const s of n.specifiers as Node[]) {
      const imported = (s.imported as Node | undefined)?.name;
      if (s.type === 'ImportSpecifier' && imported === 'sleep')
        names.add((s.local as Node).name as string);
    }
  }
  return names;
}

// Calls of `names` whose value is not awaited: under node-runner sleep returns a Promise and
// pauses only when awaited (k6's own sleep blocks and returns nothing, so awaiting is harmless).
function unawaitedCalls(node: unknown, names: Set<string>, found: number[], parent?: Node): void {
  if (Array.isArray(node)) {
    for (const child of node) unawaitedCalls(child, names, found, parent);
    return;
  }
  if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  const n = node as Node;
  const callee = n.callee as Node | undefined;
  if (
    n.type === 'CallExpression' &&
    callee?.type === 'Identifier' &&
    names.has(callee.name as string) &&
    parent?.type !== 'AwaitExpression'
  )
    found.push(n.start as number);
  for (const [k, v] of Object.entries(n)) if (k !== 'type') unawaitedCalls(v, names, found, n);
}

describe.each(SCRIPT_NAMES)('bundle %s.test.js', (name) => {
  const source = readFileSync(bundlePath(name), 'utf8');

  it('parses as ES2017', () => {
    expect(() => parse(source, { ecmaVersion: 2017, sourceType: 'module' })).not.toThrow();
  });

  it('imports only k6 modules', () => {
    const program = parse(source, { ecmaVersion: 2017, sourceType: 'module' }) as unknown as {
      body: Node[];
    };
    const sources = program.body
      .filter(
        (n) =>
          n.type === 'ImportDeclaration' ||
          n.type === 'ExportNamedDeclaration' ||
          n.type === 'ExportAllDeclaration',
      )
      .map((n) => (n.source as { value?: string } | null)?.value)
      .filter((s): s is string => typeof s === 'string');
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s === 'k6' || s.startsWith('k6/')).toBe(true);
  });

  // The bundle holds the k6-bound code of bootstrap-auth, rps-sweeper and report-formatter,
  // each guarded at source level by its own test; this checks the artifact k6 runs.
  it('uses no global that k6 lacks', () => {
    const found = new Set<string>();
    freeIdentifiers(parse(source, { ecmaVersion: 2017, sourceType: 'module' }), found);
    expect(GLOBALS_K6_LACKS.filter((g) => found.has(g))).toEqual([]);
  });

  it('awaits every sleep() (node-runner sleep is a Promise)', () => {
    const program = parse(source, { ecmaVersion: 2017, sourceType: 'module' }) as unknown as {
      body: Node[];
    };
    const names = sleepNames(program);
    const found: number[] = [];
    unawaitedCalls(program, names, found);
    const lines = found.map((at) => source.slice(0, at).split('\n').length);
    expect(lines).toEqual([]);
  });

  it('uses http.asyncRequest and never the synchronous HTTP calls', () => {
    expect(source).toContain('asyncRequest(');
    expect(source).not.toMatch(/\bhttp\.(get|post|put|del|patch|request|batch)\(/);
  });
});
