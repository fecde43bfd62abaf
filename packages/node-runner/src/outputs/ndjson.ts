// k6's `--out json` (output/json, v0.49): one JSON object per line. A `Metric` line the first
// time a metric has a sample (name, type, contains, its own thresholds, its sub-metrics), then
// one `Point` line per sample with the time, the value and every tag (keys sorted, as Go
// marshals a map).
import type { Metric, Submetric, Tags } from '../metrics/registry.js';
import type { BufferedFile } from './buffered-file.js';
import { rfc3339Nano } from './time.js';

/** Writes samples in k6's NDJSON layout. */
export class NdjsonWriter {
  /** Metric → its name as a JSON string; a metric in here has had its `Metric` line. */
  private readonly seen = new Map<Metric, string>();
  private readonly seenNames: Set<string>;
  private lastTags: Tags | null = null;
  private lastTagsJson = '';

  /**
   * `thresholds`: the threshold expressions set on each metric itself (not on a sub-metric), as
   * k6 lists them. `alreadyWritten`: metrics whose `Metric` line an earlier engine thread wrote
   * to the same file.
   */
  constructor(
    private readonly file: BufferedFile,
    private readonly thresholds: ReadonlyMap<string, readonly string[]>,
    alreadyWritten: readonly string[] = [],
  ) {
    this.seenNames = new Set(alreadyWritten);
  }

  sample(metric: Metric, value: number, tags: Tags, timeMs: number): void {
    let name = this.seen.get(metric);
    if (name === undefined) {
      name = JSON.stringify(metric.name);
      this.seen.set(metric, name);
      if (!this.seenNames.has(metric.name)) {
        this.seenNames.add(metric.name);
        this.file.write(this.metricLine(metric, name));
      }
    }
    // One request's samples share one tags object: its JSON is built once.
    if (tags !== this.lastTags) {
      this.lastTags = tags;
      this.lastTagsJson = sortedJson(tags);
    }
    this.file.write(
      `{"metric":${name},"type":"Point","data":{"time":"${rfc3339Nano(timeMs)}","value":${JSON.stringify(value)},"tags":${this.lastTagsJson}}}\n`,
    );
  }

  /** Names of the metrics that have their `Metric` line in the file. */
  written(): string[] {
    return [...this.seenNames];
  }

  private metricLine(metric: Metric, name: string): string {
    const thresholds = JSON.stringify(this.thresholds.get(metric.name) ?? []);
    const subs = metric.submetrics.length === 0 ? 'null' : submetricsJson(metric);
    return `{"type":"Metric","data":{"name":${name},"type":"${metric.type}","contains":"${metric.contains}","thresholds":${thresholds},"submetrics":${subs}},"metric":${name}}\n`;
  }
}

/** A tags object as JSON with its keys sorted. */
function sortedJson(tags: Tags): string {
  const keys = Object.keys(tags).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    out += `${i === 0 ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(tags[k])}`;
  }
  return `${out}}`;
}

// The `{expected_response:true}` view exists from the start here, but k6 adds it after the
// sub-metrics thresholds name: it is listed last, as in k6's output.
const ALWAYS_PRESENT = 'expected_response:true';

function submetricsJson(metric: Metric): string {
  const subs = metric.submetrics.map((s) => ({ suffix: suffixOf(s), sub: s }));
  subs.sort((a, b) => Number(a.suffix === ALWAYS_PRESENT) - Number(b.suffix === ALWAYS_PRESENT));
  const parts = subs.map(({ suffix, sub }) => {
    const tags: Tags = {};
    for (const [k, v] of sub.filter) tags[k] = v;
    return `{"name":${JSON.stringify(`${metric.name}{${suffix}}`)},"suffix":${JSON.stringify(suffix)},"tags":${sortedJson(tags)}}`;
  });
  return `[${parts.join(',')}]`;
}

/** The selector text between the braces, as the threshold wrote it (k6 keeps it trimmed). */
function suffixOf(sub: Submetric): string {
  const open = sub.key.indexOf('{');
  const close = sub.key.lastIndexOf('}');
  return open < 0 || close < open ? '' : sub.key.slice(open + 1, close).trim();
}
