// The CSV is a running log, not a result file: each row is written (synchronously, so in
// order) before the next sample, so an interrupted run keeps every sample it took. That is
// why it is appended in place instead of written to a temp file and renamed at the end.
import { closeSync, openSync, writeSync } from 'node:fs';
import {
  formatMemoryCsvRow,
  type MemorySample,
  memoryCsvHeader,
  UsageError,
} from '@rota-perf/core';

/** An open mem-monitor CSV. */
export interface CsvLog {
  append(sample: MemorySample): void;
  close(): void;
}

/** Creates (truncates) the CSV and writes its header; an unwritable path is a usage error. */
export function openCsvLog(path: string): CsvLog {
  let fd: number;
  try {
    fd = openSync(path, 'w');
    writeSync(fd, memoryCsvHeader());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `--output ${path} is not writable (${code}): expected a writable file path`,
    );
  }
  let open = true;
  return {
    append(sample) {
      if (open) writeSync(fd, formatMemoryCsvRow(sample));
    },
    close() {
      if (open) closeSync(fd);
      open = false;
    },
  };
}
