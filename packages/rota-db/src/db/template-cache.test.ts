import { existsSync } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { locateBinaries } from './binaries.js';
import { startEmbeddedDatabase } from './embedded.js';
import {
  legacyTemplateName,
  removeTemporaryClusters,
  STALE_TEMPLATE_DAYS,
  sweepStaleTemplates,
  templateName,
} from './template-cache.js';

const DAY = 24 * 60 * 60 * 1000;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rota-db-template-test-'));
  // The postgres user (when running as root) must be able to traverse it.
  await chmod(root, 0o755);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function folder(name: string, ageMs: number, now: number): Promise<void> {
  await mkdir(join(root, name));
  await utimes(join(root, name), new Date(now - ageMs), new Date(now - ageMs));
}

describe('template naming', () => {
  it('names the template by binary version and credentials, not by checkout path', () => {
    const name = templateName('pg18.4.0-beta.17', 'postgres', 'postgres');
    expect(name).toMatch(/^rota-db-template-pg18\.4\.0-beta\.17-[0-9a-f]{8}$/);
    expect(templateName('pg18.4.0-beta.17', 'postgres', 'postgres')).toBe(name);
    expect(templateName('pg18.5.0', 'postgres', 'postgres')).not.toBe(name);
    expect(templateName('pg18.4.0-beta.17', 'postgres', 'other')).not.toBe(name);
    expect(templateName('a/b c', 'u', 'p')).toMatch(/^rota-db-template-a_b_c-/);
  });
});

describe('sweepStaleTemplates', () => {
  it(`removes other templates unused for ${STALE_TEMPLATE_DAYS} days and old staging folders, nothing else`, async () => {
    const now = Date.now();
    const keep = 'rota-db-template-pg18.4.0-aaaaaaaa';
    await folder(keep, 30 * DAY, now);
    await folder('rota-db-template-pg17.0.0-bbbbbbbb', (STALE_TEMPLATE_DAYS + 1) * DAY, now);
    await folder('rota-db-template-0123456789abcdef', (STALE_TEMPLATE_DAYS + 1) * DAY, now);
    await folder('rota-db-template-pg18.3.0-cccccccc', (STALE_TEMPLATE_DAYS - 1) * DAY, now);
    await folder('rota-db-staging-old', 2 * 60 * 60 * 1000, now);
    await folder('rota-db-staging-new', 60 * 1000, now);
    await folder('rota-db-Ab12Cd', 30 * DAY, now); // a cluster folder: its owner's business
    await folder('something-else', 30 * DAY, now);
    const removed = await sweepStaleTemplates(root, keep, now);
    expect(removed.sort()).toEqual([
      'rota-db-staging-old',
      'rota-db-template-0123456789abcdef',
      'rota-db-template-pg17.0.0-bbbbbbbb',
    ]);
    expect((await readdir(root)).sort()).toEqual(
      [
        'rota-db-Ab12Cd',
        'rota-db-staging-new',
        keep,
        'rota-db-template-pg18.3.0-cccccccc',
        'something-else',
      ].sort(),
    );
  });
});

describe('the template of startEmbeddedDatabase', () => {
  it('is one per binary version, reused (and touched) by every start, sweeps stale ones, adopts the old per-checkout one', async () => {
    const previous = process.env.ROTA_DB_TMPDIR;
    process.env.ROTA_DB_TMPDIR = root;
    try {
      const now = Date.now();
      await folder('rota-db-template-pg17.0.0-bbbbbbbb', (STALE_TEMPLATE_DAYS + 1) * DAY, now);
      await folder('rota-db-staging-killed', 2 * 60 * 60 * 1000, now);
      const bins = await locateBinaries();
      const name = templateName(bins.version, 'postgres', 'postgres');
      expect(bins.version).toMatch(/^pg\d+\.\d+/);

      const first = await startEmbeddedDatabase();
      await first.stop();
      const templates = (await readdir(root)).filter((n) => n.startsWith('rota-db-template-'));
      expect(templates).toEqual([name]);
      expect(existsSync(join(root, 'rota-db-staging-killed'))).toBe(false);
      const created = await stat(join(root, name));

      // A start reuses it (same folder, no initdb) and records the use.
      const old = new Date(now - DAY);
      await utimes(join(root, name), old, old);
      const second = await startEmbeddedDatabase();
      await second.stop();
      const reused = await stat(join(root, name));
      expect(reused.ino).toBe(created.ino);
      expect(reused.mtimeMs).toBeGreaterThan(old.getTime() + DAY / 2);

      // The template an earlier version kept per checkout is taken over, not duplicated.
      const legacy = legacyTemplateName(bins.initdb, 'postgres', 'postgres');
      await rename(join(root, name), join(root, legacy));
      const third = await startEmbeddedDatabase();
      await third.stop();
      expect((await readdir(root)).filter((n) => n.startsWith('rota-db-'))).toEqual([name]);
      expect((await stat(join(root, name))).ino).toBe(created.ino);
    } finally {
      if (previous === undefined) delete process.env.ROTA_DB_TMPDIR;
      else process.env.ROTA_DB_TMPDIR = previous;
    }
  });
});

describe('removeTemporaryClusters (pnpm clean:temp)', () => {
  it('removes templates, staging folders and clusters no server uses; keeps running and starting ones', async () => {
    const now = Date.now();
    await folder(templateName('pg18', 'postgres', 'postgres'), 0, now);
    await folder('rota-db-staging-x', 0, now);
    await folder('rota-db-dead', 60 * 60 * 1000, now);
    await writeFile(join(root, 'rota-db-dead', 'postmaster.pid'), '999999999\n');
    await utimes(join(root, 'rota-db-dead'), new Date(now - DAY), new Date(now - DAY));
    await folder('rota-db-running', 60 * 60 * 1000, now);
    await writeFile(join(root, 'rota-db-running', 'postmaster.pid'), `${process.pid}\n`);
    await folder('rota-db-starting', 10_000, now);
    await folder('someone-elses', 60 * 60 * 1000, now);
    const removed = await removeTemporaryClusters(root, now);
    expect(removed.sort()).toEqual(
      ['rota-db-dead', 'rota-db-staging-x', templateName('pg18', 'postgres', 'postgres')].sort(),
    );
    expect((await readdir(root)).sort()).toEqual(
      ['rota-db-running', 'rota-db-starting', 'someone-elses'].sort(),
    );
  });
});
