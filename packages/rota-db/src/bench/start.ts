#!/usr/bin/env node
// Benchmark: embedded start from the cached template vs a cold initdb, and fixture seed times.
// Prints raw samples and the best (min) of each; ratios compare runs of this same process.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../db/connect.js';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { migrate } from '../db/migrate.js';
import { seedFixture } from '../fixture/seed.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function time(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function coldStart(): Promise<number> {
  const parent = await mkdtemp(join(tmpdir(), 'rota-db-bench-'));
  await chmod(parent, 0o755);
  try {
    return await time(async () => {
      const db = await startEmbeddedDatabase({ dataDir: join(parent, 'data'), durable: false });
      await db.stop();
    });
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}

async function templateStart(): Promise<number> {
  return time(async () => {
    const db = await startEmbeddedDatabase();
    await db.stop();
  });
}

function report(label: string, samples: number[]): number {
  const best = Math.min(...samples);
  console.log(
    `${label.padEnd(34)} best ${best.toFixed(0).padStart(6)} ms   samples ${samples.map((s) => s.toFixed(0)).join(', ')}`,
  );
  return best;
}

async function main(): Promise<void> {
  await templateStart(); // creates the template outside the measurement
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    cold.push(await coldStart());
    warm.push(await templateStart());
  }
  const coldBest = report('start+stop, cold initdb', cold);
  const warmBest = report('start+stop, cached template', warm);
  console.log(`ratio cold/template (best)          ${(coldBest / warmBest).toFixed(1)}x`);

  const pg = await startEmbeddedDatabase();
  try {
    await migrate(pg.url);
    const { db, close } = await connect(pg.url);
    try {
      for (const preset of ['small', 'large'] as const) {
        const ms = await time(async () => {
          await seedFixture(db, preset);
        });
        report(`seedFixture('${preset}')`, [ms]);
      }
    } finally {
      await close();
    }
  } finally {
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`rota-db bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
