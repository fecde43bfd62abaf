// The streamed outputs of a run (`--out json=…`, `--out csv=…`): every sample the registry
// records is written as it is recorded, in k6's layouts, through small buffers.
import { resolve } from 'node:path';
import { EXIT, RunnerError } from '../errors.js';
import type { Metric, SampleObserver, Tags } from '../metrics/registry.js';
import type { ThresholdSet } from '../thresholds/evaluate.js';
import { BufferedFile } from './buffered-file.js';
import { CsvWriter } from './csv.js';
import { NdjsonWriter } from './ndjson.js';
import type { OutputSpec } from './spec.js';
import { sampleTimeMs } from './time.js';

/** Where the outputs of an earlier engine thread of the same test stopped (recovery). */
export interface OutputsResume {
  /** Metrics that already have their `Metric` line in the json outputs. */
  written: string[];
}

interface Writer {
  sample(metric: Metric, value: number, tags: Tags, timeMs: number): void;
}

/** The open outputs of a run. */
export class SampleOutputs implements SampleObserver {
  private timeMs = 0;
  private stale = true;
  private readonly expire = () => {
    this.stale = true;
  };

  private constructor(
    private readonly files: BufferedFile[],
    private readonly writers: Writer[],
    private readonly json: NdjsonWriter[],
  ) {}

  /**
   * Opens every output (relative paths against `cwd`); a file that cannot be created fails the
   * run in one line naming it. `resume` appends to the files an earlier thread wrote.
   */
  static open(
    specs: readonly OutputSpec[],
    cwd: string,
    thresholds: readonly ThresholdSet[],
    resume?: OutputsResume,
  ): SampleOutputs {
    const own = new Map<string, string[]>();
    for (const set of thresholds) {
      if (set.key.includes('{')) continue;
      own.set(
        set.key,
        set.exprs.map((e) => e.source),
      );
    }
    const files: BufferedFile[] = [];
    const writers: Writer[] = [];
    const json: NdjsonWriter[] = [];
    for (const spec of specs) {
      let file: BufferedFile;
      try {
        file = new BufferedFile(spec.path === '' ? '' : resolve(cwd, spec.path), Boolean(resume));
      } catch (err) {
        for (const f of files) f.close();
        throw new RunnerError(
          `could not create the '${spec.type}' output: ${(err as Error).message}`,
          EXIT.generic,
        );
      }
      files.push(file);
      if (spec.type === 'csv') writers.push(new CsvWriter(file, Boolean(resume)));
      else {
        const writer = new NdjsonWriter(file, own, resume?.written);
        json.push(writer);
        writers.push(writer);
      }
    }
    return new SampleOutputs(files, writers, json);
  }

  sample(metric: Metric, value: number, tags: Tags): void {
    // The samples recorded together (a request's nine, an iteration's last four) share one
    // time, as in k6, so a reader never splits them across two seconds.
    if (this.stale) {
      this.timeMs = sampleTimeMs();
      this.stale = false;
      queueMicrotask(this.expire);
    }
    const timeMs = this.timeMs;
    // Go measures durations in nanoseconds: a time value has at most six decimals in k6.
    const v = metric.contains === 'time' ? Math.round(value * 1e6) / 1e6 : value;
    for (const w of this.writers) w.sample(metric, v, tags, timeMs);
  }

  /** Writes what the buffers hold (once a second, and before a snapshot). */
  flush(): void {
    for (const f of this.files) f.flush();
  }

  close(): void {
    for (const f of this.files) f.close();
    this.files.length = 0;
    this.writers.length = 0;
  }

  /** What a thread finishing this test needs to append to the same files. */
  resumePoint(): OutputsResume {
    return { written: [...new Set(this.json.flatMap((w) => w.written()))] };
  }
}
