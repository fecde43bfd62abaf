// The README's script and variable tables are generated from the registry; this fails when
// they are stale (run `pnpm docs:generate`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { README_MARKERS, renderScriptDocs, replaceGeneratedSection } from './registry/readme.js';
import { SCRIPTS } from './registry/scripts.js';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

describe('README.md', () => {
  const text = readFileSync(README, 'utf8');

  it('holds the generated script section, up to date with the registry', () => {
    expect(text).toContain(README_MARKERS.start);
    expect(replaceGeneratedSection(text)).toBe(text);
  });

  it('the section names every script, bundle, results file and variable', () => {
    const section = renderScriptDocs();
    for (const s of SCRIPTS) {
      expect(section).toContain(s.bundle.slice('performance/k6/'.length));
      expect(section).toContain(s.resultsFile);
      for (const v of s.variables) expect(section).toContain(`| \`${v.name}\` |`);
    }
  });

  it('detects a stale section (so the test above can fail)', () => {
    const stale = text.replace('| `TARGET_RPS` | `5` |', '| `TARGET_RPS` | `6` |');
    expect(replaceGeneratedSection(stale)).not.toBe(stale);
  });
});
