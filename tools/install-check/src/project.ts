// A user's project outside the workspace: install one package with npm, then look at what
// arrived, import its entry points and compile a file that uses it.

import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { runTool, ToolError } from './npm.js';
import { type Manifest, ROOT } from './workspace.js';

/** The workspace's TypeScript (5.9.3): the compiler our users' projects are checked with. */
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** One entry of package-lock.json's `packages`. */
export interface LockedPackage {
  name: string;
  version: string;
  resolved?: string;
  integrity?: string;
}

/** Creates an empty ES-module project. */
export async function createProject(folder: string): Promise<void> {
  const manifest = { name: 'consumer', version: '1.0.0', private: true, type: 'module' };
  await writeFile(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest of an installed package. */
export async function readInstalledManifest(project: string, name: string): Promise<Manifest> {
  const file = join(project, 'node_modules', name, 'package.json');
  return JSON.parse(await readFile(file, 'utf8')) as Manifest;
}

/** Every package npm put in node_modules, from the project's package-lock.json. */
export async function readLockedPackages(project: string): Promise<LockedPackage[]> {
  const lock = JSON.parse(await readFile(join(project, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Omit<LockedPackage, 'name'>>;
  };
  return Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .map(([path, entry]) => ({
      ...entry,
      name: path.slice(path.lastIndexOf('node_modules/') + 13),
    }));
}

// Imports every entry point of the exports map (wildcards expanded over the shipped files) and
// prints, per exports key and specifier, the names it exports. Runs inside the project, so
// Node resolves the way it does for the user.
const IMPORT_ENTRIES = `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const [name, skipJson] = process.argv.slice(2);
const skip = JSON.parse(skipJson);
const root = join('node_modules', name);
const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const load = (specifier) =>
  specifier.endsWith('.json') ? import(specifier, { with: { type: 'json' } }) : import(specifier);
const found = {};
for (const [key, target] of Object.entries(exports)) {
  if (skip.includes(key)) continue;
  const specifiers = [];
  found[key] = {};
  if (key.includes('*')) {
    const folder = String(target).slice(0, String(target).indexOf('*'));
    for (const file of readdirSync(join(root, folder))) {
      specifiers.push(name + key.slice(1).replace('*', file));
    }
  } else specifiers.push(key === '.' ? name : name + key.slice(1));
  for (const specifier of specifiers) found[key][specifier] = Object.keys(await load(specifier));
}
console.log(JSON.stringify(found));
`;

/** exports key -> the specifiers it stands for -> the names each exports. */
export type ImportedEntries = Record<string, Record<string, string[]>>;

/** Imports every entry point of the installed package `name` but the exports keys in `skip`. */
export async function importEntries(
  project: string,
  name: string,
  skip: readonly string[],
): Promise<ImportedEntries> {
  await writeFile(join(project, 'import-entries.mjs'), IMPORT_ENTRIES);
  const { stdout } = await runTool(
    process.execPath,
    ['import-entries.mjs', name, JSON.stringify(skip)],
    { cwd: project },
  );
  return JSON.parse(stdout) as ImportedEntries;
}

/** The strictest settings a user may have; skipLibCheck off so our .d.ts files are checked. */
export function consumerTsconfig(types: readonly string[]): Record<string, unknown> {
  return {
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      lib: ['ES2023'],
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      skipLibCheck: false,
      outDir: 'out',
      types,
    },
    files: ['use.ts'],
  };
}

/** tsc's diagnostics, split into ours (the project, our packages) and third-party ones. */
export interface Diagnostics {
  ours: string;
  thirdParty: number;
}

// A diagnostic starts with `file(line,col): error`; its indented lines belong to it.
function splitDiagnostics(output: string): Diagnostics {
  const blocks = output.split(/\n(?=\S)/).filter((block) => block.trim() !== '');
  const isThirdParty = (block: string) =>
    block.startsWith('node_modules/') && !block.startsWith('node_modules/@rota-perf/');
  return {
    ours: blocks.filter((b) => !isThirdParty(b)).join('\n'),
    thirdParty: blocks.filter(isThirdParty).length,
  };
}

/**
 * Type-checks and compiles `use.ts` with the workspace's tsc. skipLibCheck is off, so our
 * shipped declarations are checked; the errors third-party declarations carry on their own
 * (drizzle-orm's, for drivers it does not install) are counted apart, not ours to fix.
 */
export async function typeCheck(
  project: string,
  source: string,
  types: readonly string[],
): Promise<Diagnostics> {
  await writeFile(join(project, 'use.ts'), source);
  const config = consumerTsconfig(types);
  await writeFile(join(project, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`);
  return runTool(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project }).then(
    () => ({ ours: '', thirdParty: 0 }),
    (error: unknown) => {
      if (!(error instanceof ToolError) || error.stdout.trim() === '') throw error;
      return splitDiagnostics(error.stdout);
    },
  );
}

/** Runs the compiled use.ts and parses the JSON line it prints. */
export async function runUsage(project: string): Promise<unknown> {
  const { stdout } = await runTool(process.execPath, ['out/use.js'], { cwd: project });
  return JSON.parse(stdout);
}

async function mapFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.map'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Sources named by the shipped source and declaration maps that the package lacks. */
export async function missingMapSources(packageFolder: string): Promise<string[]> {
  const missing: string[] = [];
  for (const map of await mapFiles(join(packageFolder, 'dist'))) {
    const { sources, sourceRoot = '' } = JSON.parse(await readFile(map, 'utf8')) as {
      sources: string[];
      sourceRoot?: string;
    };
    for (const source of sources) {
      const path = resolve(dirname(map), sourceRoot, source);
      if (!existsSync(path)) missing.push(`${map.slice(packageFolder.length + 1)} -> ${source}`);
    }
  }
  return missing;
}
