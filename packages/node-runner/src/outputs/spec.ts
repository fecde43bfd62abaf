// `--out TYPE=ARG` as k6 parses it: the type before the first `=`, the rest is the argument.
import { EXIT, RunnerError } from '../errors.js';

/** The output types node-runner writes (k6's names). */
export const OUTPUT_TYPES = ['csv', 'json'] as const;

/** One streamed output: its type and the file it writes ('' = stdout, json only). */
export interface OutputSpec {
  type: (typeof OUTPUT_TYPES)[number];
  path: string;
}

// k6's csv output writes `file.csv` when no file is given; its json output writes to stdout.
const CSV_DEFAULT_FILE = 'file.csv';

/**
 * Parses `--out` values (`json=results.ndjson`, `csv=samples.csv`). An unknown type is k6's
 * error, and its exit code (255: k6 returns the error without an exit code of its own).
 */
export function parseOutputSpecs(values: readonly string[]): OutputSpec[] {
  return values.map((value) => {
    const eq = value.indexOf('=');
    const type = eq < 0 ? value : value.slice(0, eq);
    const arg = eq < 0 ? '' : value.slice(eq + 1);
    if (type !== 'json' && type !== 'csv') {
      throw new RunnerError(
        `invalid output type '${type}', available types are: ${OUTPUT_TYPES.join(', ')}`,
        EXIT.generic,
      );
    }
    // k6 reads `csv=key=value,…` as the output's options (fileName, saveInterval, timeFormat).
    if (type === 'csv' && arg.includes('=')) {
      throw new RunnerError(
        `could not create the 'csv' output: options in ${JSON.stringify(value)} are not supported by the Node runner; expected csv=FILE`,
        EXIT.generic,
      );
    }
    if (type === 'csv') return { type, path: arg === '' ? CSV_DEFAULT_FILE : arg };
    return { type, path: arg === '-' ? '' : arg };
  });
}
