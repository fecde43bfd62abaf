// Every public package installs alone, the way a user installs it: published to a local
// registry, then `npm install <package>` in an empty project outside the workspace, each
// entry point imported, a file using it type-checked with `tsc --strict` (skipLibCheck off),
// compiled and run.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSUMERS, type Consumer } from './consumers.js';
import { npmEnvironment, runTool, writeNpmrc } from './npm.js';
import {
  createProject,
  importEntries,
  type LockedPackage,
  missingMapSources,
  readInstalledManifest,
  readLockedPackages,
  runUsage,
  typeCheck,
} from './project.js';
import { type Published, publishAll } from './publish.js';
import { type LocalRegistry, startLocalRegistry } from './registry.js';
import { type Manifest, publicPackages, ROOT } from './workspace.js';

const SCOPE = '@rota-perf';
const scoped = (folder: string) => `${SCOPE}/${folder}`;

// The type packages a user adds, at the versions the workspace itself is checked with.
async function typesVersion(typesPackage: string, folder: string): Promise<string> {
  for (const base of [join(ROOT, 'packages', folder), ROOT]) {
    const file = join(base, 'node_modules', typesPackage, 'package.json');
    try {
      return (JSON.parse(await readFile(file, 'utf8')) as Manifest).version;
    } catch {}
  }
  throw new Error(`${typesPackage} is not installed in the workspace`);
}

let work = '';
let registry: LocalRegistry | undefined;
let npmEnv: NodeJS.ProcessEnv = {};
let published = new Map<string, Published>();
/** One row per install, printed at the end: what `npm install <package>` brought. */
const installed: {
  name: string;
  packages: number;
  thirdParty: number;
  seconds: string;
  thirdPartyTypeErrors: number;
}[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'rota-perf-install-'));
  registry = await startLocalRegistry(join(work, 'registry'), SCOPE);
  await writeNpmrc(work, SCOPE, registry.url);
  npmEnv = npmEnvironment(work);
  await mkdir(join(work, 'tarballs'));
  published = await publishAll(publicPackages(), join(work, 'tarballs'), npmEnv);
});

afterAll(async () => {
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true });
  if (installed.length > 0) console.table(installed);
});

// Only the packages the architecture allows, each the very tarball published here.
async function expectOursOnly(project: string, consumer: Consumer): Promise<LockedPackage[]> {
  const locked = await readLockedPackages(project);
  const ours = locked.filter((p) => p.name.startsWith(`${SCOPE}/`));
  expect(ours.map((p) => p.name).sort()).toEqual(consumer.ours.map(scoped).sort());
  for (const pkg of ours) {
    expect(pkg.integrity, pkg.name).toBe(published.get(pkg.name)?.integrity);
    expect(pkg.resolved?.startsWith(registry?.url ?? '-'), pkg.name).toBe(true);
    const manifest = JSON.stringify(await readInstalledManifest(project, pkg.name));
    expect(manifest).not.toContain('workspace:');
  }
  // Chart.js ships with the report only.
  const chartJs = locked.some((p) => p.name === 'chart.js');
  expect(chartJs).toBe(consumer.ours.includes('report-formatter'));
  return locked;
}

// Every exports key but the k6-only ones loads in Node, each specifier with something in it.
async function expectEntriesImport(project: string, consumer: Consumer): Promise<void> {
  const name = scoped(consumer.folder);
  const { exports = {} } = await readInstalledManifest(project, name);
  const skip = consumer.k6Only ?? [];
  const imported = await importEntries(project, name, skip);
  expect(Object.keys(imported).sort()).toEqual(
    Object.keys(exports)
      .filter((key) => !skip.includes(key))
      .sort(),
  );
  for (const [key, specifiers] of Object.entries(imported)) {
    expect(Object.keys(specifiers).length, key).toBeGreaterThan(0);
    for (const [specifier, names] of Object.entries(specifiers)) {
      expect(names.length, `${specifier} exports nothing`).toBeGreaterThan(0);
    }
  }
}

// The user adds the type packages, at the workspace's versions; then use.ts compiles and runs.
async function expectUsageCompilesAndRuns(project: string, consumer: Consumer): Promise<number> {
  const types = ['@types/node', ...(consumer.extraTypes ?? [])];
  const pinned = await Promise.all(
    types.map(async (t) => `${t}@${await typesVersion(t, consumer.folder)}`),
  );
  await runTool('npm', ['install', '--save-dev', ...pinned], { cwd: project, env: npmEnv });
  const short = types.map((t) => t.replace('@types/', ''));
  const diagnostics = await typeCheck(project, consumer.usage, short);
  expect(diagnostics.ours).toBe('');
  expect(await runUsage(project)).toEqual(consumer.expected);
  return diagnostics.thirdParty;
}

describe('the public packages, installed alone from a registry', () => {
  it('publishes exactly the packages the installs below bring', () => {
    const brought = new Set(CONSUMERS.flatMap((c) => c.ours.map(scoped)));
    expect([...published.keys()].sort()).toEqual([...brought].sort());
  });

  // Two projects at a time: npm waits on the network while tsc keeps a core busy.
  it.concurrent.each(CONSUMERS.map((c) => [c.folder, c] as const))('%s', async (_, consumer) => {
    const name = scoped(consumer.folder);
    const release = published.get(name);
    if (!release) throw new Error(`${name} was not published`);
    const project = join(work, 'projects', consumer.folder);
    await mkdir(project, { recursive: true });
    await createProject(project);

    const install = await runTool('npm', ['install', `${name}@${release.version}`], {
      cwd: project,
      env: npmEnv,
    });
    const locked = await expectOursOnly(project, consumer);
    await expectEntriesImport(project, consumer);
    const thirdPartyTypeErrors = await expectUsageCompilesAndRuns(project, consumer);
    // Declaration and source maps point at sources that ship.
    for (const ours of consumer.ours.map(scoped)) {
      expect(await missingMapSources(join(project, 'node_modules', ours))).toEqual([]);
    }
    const thirdParty = locked.filter((p) => !p.name.startsWith(`${SCOPE}/`)).length;
    installed.push({
      name,
      packages: locked.length,
      thirdParty,
      seconds: (install.milliseconds / 1000).toFixed(1),
      thirdPartyTypeErrors,
    });
  });

  it('the type check can fail: a wrong import is reported', async () => {
    const project = join(work, 'projects', 'core');
    const broken = "import { noSuchExport } from '@rota-perf/core';\nvoid noSuchExport;\n";
    expect((await typeCheck(project, broken, ['node'])).ours).toContain(
      "has no exported member 'noSuchExport'",
    );
  });
});
