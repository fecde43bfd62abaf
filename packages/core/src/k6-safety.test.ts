// The root entry runs inside k6 bundles, where Node APIs and several web globals do not exist
// and k6 v0.49 cannot parse class fields (test-data/k6-golden/05-syntax.out). The bundler only
// lowers syntax, so a stray `process` or a class field would surface only when a user runs k6.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('.', import.meta.url));

const FORBIDDEN: [string, RegExp][] = [
  ['node: import', /from\s+['"]node:/],
  ['URL', /\bURL\b/],
  ['TextEncoder/TextDecoder', /\bText(En|De)coder\b/],
  ['structuredClone', /\bstructuredClone\b/],
  ['AbortController', /\bAbortController\b/],
  ['performance', /\bperformance\.(now|mark|measure)\b/],
  ['Intl', /\bIntl\b/],
  ['toLocaleString', /\btoLocaleString\b/],
  ['Buffer', /\bBuffer\b/],
  ['process', /\bprocess\.(env|exit|argv|stdout|stderr|on|pid|cwd|hrtime)\b/],
  ['timers', /\bset(Timeout|Interval|Immediate)\b/],
  ['Object.hasOwn', /\bObject\.hasOwn\b/],
  ['for await', /\bfor\s+await\b/],
];

// Every shipped module of the root entry: src without node/, tests and test support.
function rootSources(dir = srcDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'node' || name === 'series' || name === 'test-support'
        ? []
        : rootSources(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [relative(srcDir, path)] : [];
  });
}

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

// Class fields survive a transpile to ES2022 as PropertyDefinition nodes; `declare` ones vanish.
function classFields(code: string): number {
  const js = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, useDefineForClassFields: true },
  }).outputText;
  let found = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    if ((node as { type?: string }).type === 'PropertyDefinition') found++;
    for (const value of Object.values(node)) walk(value);
  };
  walk(parse(js, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

describe('k6 safety of the root entry', () => {
  it('finds the shipped sources', () => {
    expect(rootSources()).toEqual(
      expect.arrayContaining(['index.ts', 'errors.ts', 'registry/scripts.ts']),
    );
  });

  it.each(rootSources())('%s uses nothing k6 lacks', (file) => {
    const code = readFileSync(join(srcDir, file), 'utf8');
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(withoutComments(code))).map(
      ([n]) => n,
    );
    expect(found).toEqual([]);
    expect(classFields(code)).toBe(0);
  });

  it('the guards catch a forbidden use and a class field', () => {
    const code = withoutComments('// process. is fine in a comment\nconst t = setTimeout(f, 1);');
    expect(FORBIDDEN.filter(([, p]) => p.test(code)).map(([n]) => n)).toEqual(['timers']);
    expect(classFields('class A extends Error { override name = "A"; }')).toBe(1);
    expect(
      classFields('class A { declare readonly x: number; constructor() { this.x = 1; } }'),
    ).toBe(0);
  });
});
