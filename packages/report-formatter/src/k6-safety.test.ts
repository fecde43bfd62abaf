// The root entry runs inside k6 bundles: guard against APIs k6 lacks (team convention).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const FORBIDDEN = [
  /\bnew URL\b|\bURLSearchParams\b/,
  /\bTextEncoder\b|\bTextDecoder\b/,
  /\bstructuredClone\b|\bAbortController\b/,
  /\bperformance\./,
  /\bIntl\b|toLocaleString/,
  /\bBuffer\b|\bprocess\./,
  /\bsetTimeout\b|\bsetInterval\b/,
  /from 'node:/,
  /for await|async function\s*\*/,
  /Object\.hasOwn\(/,
];

// Core modules = what src/index.ts reaches; the html/, bin/ and test files are Node-only.
function coreFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const m of text.matchAll(/from '\.\/([\w-]+)\.js'/g)) visit(`${m[1]}.ts`);
  };
  visit('index.ts');
  return [...seen];
}

describe('k6-safe core', () => {
  it('reaches only top-level modules from src/index.ts', () => {
    const files = coreFiles();
    expect(files).toContain('load-format.ts');
    expect(files).toContain('sweep.ts');
    const topLevel = readdirSync(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const f of files) expect(topLevel).toContain(f);
  });

  it('uses none of the APIs k6 lacks', () => {
    for (const file of coreFiles()) {
      const code = readFileSync(join(SRC, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
        .join('\n');
      for (const pattern of FORBIDDEN) {
        expect(code.match(pattern)?.[0], `${file} uses ${pattern}`).toBeUndefined();
      }
    }
  });
});
