import { mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { logLine } from '../util/logfmt.js';
import { writeErr, writeOut } from '../util/output.js';
import type { SummaryData } from './data.js';
import { toSummaryExport } from './export.js';

/**
 * Creates `dir` and its missing parents. Node's `mkdirSync(dir, { recursive: true })` loops
 * forever (inside libuv, deaf to signals) when mkdir answers ENOENT for a parent that exists,
 * as it does under /proc; here a second ENOENT is final.
 */
function ensureDir(dir: string): void {
  try {
    mkdirSync(dir);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw err;
  }
  ensureDir(dirname(dir));
  mkdirSync(dir);
}

/** An output that could not be written, named in one line. */
export class OutputError extends Error {
  constructor(path: string, cause: unknown) {
    super(`could not write '${path}': ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'OutputError';
  }
}

/** Writes a file atomically (temp file + rename) so readers never see half a result. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    ensureDir(dirname(path));
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already renamed.
    }
    throw new OutputError(path, err);
  }
}

function bytesOf(value: unknown): string | Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value))
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return String(value);
}

/**
 * Writes what handleSummary returned: `stdout`, `stderr`, or a path relative to `cwd`. Like k6,
 * an output that cannot be written is reported and the others are still written.
 */
export function writeSummaryOutputs(outputs: unknown, cwd: string): void {
  if (!outputs || typeof outputs !== 'object') return;
  for (const [key, value] of Object.entries(outputs as Record<string, unknown>)) {
    const content = bytesOf(value);
    if (key === 'stdout') writeOut(content);
    else if (key === 'stderr') writeErr(content);
    else writeReported(resolve(cwd, key), content);
  }
}

/** Writes the older `--summary-export` layout (a failure is reported, as k6 does). */
export function writeSummaryExport(data: SummaryData, path: string, cwd: string): void {
  writeReported(resolve(cwd, path), `${JSON.stringify(toSummaryExport(data), null, 4)}\n`);
}

function writeReported(path: string, content: string | Uint8Array): void {
  try {
    writeFileAtomic(path, content);
  } catch (err) {
    logLine('error', `failed to handle the end-of-test summary: ${(err as Error).message}`);
  }
}
