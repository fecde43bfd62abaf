// What every package.json must say, checked without a registry: the metadata a registry page
// shows, the boundaries between public and private packages, and what ships beside dist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSUMERS } from './consumers.js';
import {
  listWorkspacePackages,
  type Manifest,
  publicPackages,
  ROOT,
  readManifest,
  shippedDependencies,
} from './workspace.js';

const ROOT_MANIFEST = readManifest('.');
const PACKAGES = listWorkspacePackages();
const byName = new Map(PACKAGES.map((p) => [p.manifest.name, p.manifest]));

// Our packages a user gets by installing `name`: its shipped dependencies, transitively.
function ourClosure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const manifest = byName.get(name) as Manifest;
  for (const dep of shippedDependencies(manifest)) if (byName.has(dep)) ourClosure(dep, seen);
  return seen;
}

describe('package.json metadata', () => {
  it('finds the workspace packages', () => {
    expect(PACKAGES.map((p) => p.folder)).toEqual(
      expect.arrayContaining(['packages/core', 'packages/cli', 'tools/rota-api']),
    );
  });

  it('the root names the repository once for all', () => {
    expect(ROOT_MANIFEST.repository?.url).toMatch(/^git\+https:\/\/.+\.git$/);
    expect(ROOT_MANIFEST.engines?.node).toBe('>=20.19');
    expect(ROOT_MANIFEST.license).toBe('MIT');
  });

  it.each(PACKAGES.map((p) => [p.folder, p.manifest] as const))(
    '%s has license, engines and repository with its directory',
    (folder, manifest) => {
      expect(manifest.license).toBe(ROOT_MANIFEST.license);
      expect(manifest.engines).toEqual({ node: '>=20.19' });
      expect(manifest.repository).toEqual({
        type: 'git',
        url: ROOT_MANIFEST.repository?.url,
        directory: folder,
      });
    },
  );

  it('no public package depends on a private one', () => {
    const privateNames = PACKAGES.filter((p) => p.manifest.private === true).map(
      (p) => p.manifest.name,
    );
    expect(privateNames).toEqual(expect.arrayContaining(['@rota-perf/cli', '@rota-perf/rota-api']));
    const offending = publicPackages().flatMap((p) =>
      shippedDependencies(p.manifest)
        .filter((dep) => privateNames.includes(dep))
        .map((dep) => `${p.manifest.name} -> ${dep}`),
    );
    expect(offending).toEqual([]);
  });

  it.each(CONSUMERS.map((c) => [c.folder, c.ours] as const))(
    '%s brings only the packages of the architecture',
    (folder, ours) => {
      const closure = [...ourClosure(`@rota-perf/${folder}`)].sort();
      expect(closure).toEqual(ours.map((o) => `@rota-perf/${o}`).sort());
    },
  );

  it('only report-formatter ships Chart.js', () => {
    const withChartJs = publicPackages()
      .filter((p) => shippedDependencies(p.manifest).includes('chart.js'))
      .map((p) => p.manifest.name);
    expect(withChartJs).toEqual(['@rota-perf/report-formatter']);
  });
});

describe('declaration maps ship their sources', () => {
  const base = JSON.parse(readFileSync(join(ROOT, 'tools/tsconfig/base.json'), 'utf8')) as {
    compilerOptions: { declarationMap?: boolean; sourceMap?: boolean };
  };
  const built = PACKAGES.filter((p) => p.manifest.files?.includes('dist'));

  it('the shared tsconfig emits declaration and source maps', () => {
    expect(base.compilerOptions.declarationMap).toBe(true);
    expect(base.compilerOptions.sourceMap).toBe(true);
    expect(built.length).toBeGreaterThan(8);
  });

  // The maps point at ../src; what the build leaves out (tests, test support) stays out.
  it.each(built.map((p) => [p.folder, p.manifest.files] as const))(
    '%s ships src without tests',
    (_, files) => {
      expect(files).toEqual(
        expect.arrayContaining(['dist', 'src', '!src/**/*.test.ts', '!src/**/test-support']),
      );
    },
  );
});
