import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOBALS_K6_LACKS } from '../../../core/src/test-support/missing-in-k6.js';

// The core and the k6 adapter are bundled into k6 scripts (team conventions): the globals k6
// lacks, and toLocaleString (k6 has no locale data, so its output differs), must not appear;
// node: imports cannot be bundled.
const FORBIDDEN = [...GLOBALS_K6_LACKS, 'toLocaleString'];
const src = join(dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(join(src, dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(src, dir, name));
}

function code(file: string): string {
  // Comments may mention forbidden names when explaining why they are avoided.
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('k6-bound code', () => {
  const files = [...sources('core'), ...sources('k6'), join(src, 'index.ts')];

  it('finds the files it guards', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it.each(files.map((file) => [file.slice(src.length + 1), file]))(
    '%s uses no global k6 lacks, no node: import, no for await',
    (_name, file) => {
      const text = code(file);
      for (const name of FORBIDDEN) {
        expect(new RegExp(`\\b${name}\\b`).test(text), `${name} in ${file}`).toBe(false);
      }
      expect(text).not.toMatch(/for\s+await|async\s+function\s*\*|async\s*\*/);
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1] ?? '');
      for (const source of imports) {
        // @rota-perf/core's root entry is k6-safe too (its own k6-safety test guards it).
        const allowed = ['k6/http', '@rota-perf/core'];
        expect(
          allowed.includes(source) || source.startsWith('./') || source.startsWith('../'),
          source,
        ).toBe(true);
      }
    },
  );

  it('only the k6 adapter imports k6/http', () => {
    for (const file of files) {
      if (!file.includes(`${join(src, 'k6')}`)) expect(code(file)).not.toContain("'k6/http'");
    }
  });
});
