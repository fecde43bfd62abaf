// Publishing the workspace as a release would: pnpm packs each public package (turning
// `workspace:*` into the real version), npm publishes the tarball to the local registry.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from './npm.js';
import { ROOT, type WorkspacePackage } from './workspace.js';

/** A published package: its tarball and the integrity npm records for it. */
export interface Published {
  name: string;
  version: string;
  tarball: string;
  integrity: string;
}

async function integrityOf(file: string): Promise<string> {
  const digest = createHash('sha512')
    .update(await readFile(file))
    .digest('base64');
  return `sha512-${digest}`;
}

async function packAndPublish(
  pkg: WorkspacePackage,
  folder: string,
  npmEnv: NodeJS.ProcessEnv,
): Promise<Published> {
  const packed = await runTool('pnpm', ['pack', '--json', '--pack-destination', folder], {
    cwd: join(ROOT, pkg.folder),
  });
  const { filename } = JSON.parse(packed.stdout) as { filename: string };
  await runTool('npm', ['publish', filename], { cwd: folder, env: npmEnv });
  const { name, version } = pkg.manifest;
  return { name, version, tarball: filename, integrity: await integrityOf(filename) };
}

/** Packs every package into `folder` and publishes it with npm, two at a time (two cores). */
export async function publishAll(
  packages: readonly WorkspacePackage[],
  folder: string,
  npmEnv: NodeJS.ProcessEnv,
): Promise<Map<string, Published>> {
  const published = new Map<string, Published>();
  const queue = [...packages];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) {
      published.set(pkg.manifest.name, await packAndPublish(pkg, folder, npmEnv));
    }
  };
  await Promise.all([worker(), worker()]);
  return published;
}
