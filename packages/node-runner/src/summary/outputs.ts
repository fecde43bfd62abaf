import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Writes a file atomically (temp file + rename) so readers never see half a result. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Writes what handleSummary returned: `stdout`, `stderr`, or a path relative to `cwd`. */
export function writeSummaryOutputs(outputs: unknown, cwd: string): void {
  if (!outputs || typeof outputs !== 'object') return;
  for (const [key, value] of Object.entries(outputs as Record<string, unknown>)) {
    const content =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : ArrayBuffer.isView(value)
          ? new Uint8Array(value.buffer)
          : String(value);
    if (key === 'stdout') process.stdout.write(content);
    else if (key === 'stderr') process.stderr.write(content);
    else writeFileAtomic(resolve(cwd, key), content);
  }
}
