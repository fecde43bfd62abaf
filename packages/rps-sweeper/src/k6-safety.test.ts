// The core runs inside k6 bundles, where Node APIs and several web globals do not exist
// (k6-golden/05-syntax.out). The bundler only lowers syntax, so a stray `process` or
// `setTimeout` would surface only when a user runs k6. This guards the shipped sources.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

const FORBIDDEN: [string, RegExp][] = [
  ['node: import', /from\s+['"]node:/],
  ['URL', /\bURL\b/],
  ['URLSearchParams', /\bURLSearchParams\b/],
  ['TextEncoder/TextDecoder', /\bText(En|De)coder\b/],
  ['structuredClone', /\bstructuredClone\b/],
  ['AbortController', /\bAbortController\b/],
  ['performance', /\bperformance\b/],
  ['Intl', /\bIntl\b/],
  ['toLocaleString', /\btoLocaleString\b/],
  ['Buffer', /\bBuffer\b/],
  ['process', /\bprocess\b/],
  ['timers', /\bset(Timeout|Interval|Immediate)\b/],
  ['for await', /\bfor\s+await\b/],
  ['async generator', /\basync\s+function\s*\*/],
];

function shippedSources(): string[] {
  return readdirSync(srcDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

describe('k6 safety of the shipped core', () => {
  it('finds the shipped sources', () => {
    expect(shippedSources()).toEqual(expect.arrayContaining(['index.ts', 'plan.ts', 'search.ts']));
  });

  it.each(shippedSources())('%s uses nothing k6 lacks', (file) => {
    const code = withoutComments(readFileSync(join(srcDir, file), 'utf8'));
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
    expect(found).toEqual([]);
  });

  it('the guard itself catches a forbidden use', () => {
    const code = withoutComments('// process is fine in a comment\nconst t = setTimeout(f, 1);');
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
    expect(found).toEqual(['timers']);
  });
});
