// k6's `--out csv` (output/csv, v0.49): a fixed header, one row per sample. The columns are the
// metric, the Unix-second time, the value with six decimals, one column per default system tag
// (sorted), then every other tag as `k=v&k=v` (scenario tags, options.tags, custom tags) and
// the metadata (none here).
import type { Metric, Tags } from '../metrics/registry.js';
import type { BufferedFile } from './buffered-file.js';
import { unixSeconds } from './time.js';

const SYSTEM_TAGS = [
  'check',
  'error',
  'error_code',
  'expected_response',
  'group',
  'method',
  'name',
  'proto',
  'scenario',
  'service',
  'status',
  'subproto',
  'tls_version',
  'url',
] as const;
const SYSTEM = new Set<string>(SYSTEM_TAGS);

/** k6's csv header line. */
export const CSV_HEADER = `metric_name,timestamp,metric_value,${SYSTEM_TAGS.join(',')},extra_tags,metadata\n`;

/** Quotes a field as Go's encoding/csv does: when it holds a comma, quote or line break, or starts with a space. */
export function csvField(text: string): string {
  if (text === '') return text;
  if (!/[",\r\n]/.test(text) && !/^[ \t]/.test(text)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** Writes samples as k6's csv rows. */
export class CsvWriter {
  private lastTags: Tags | null = null;
  private lastTagColumns = '';

  /** `append`: the file already has its header (an earlier engine thread wrote it). */
  constructor(
    private readonly file: BufferedFile,
    append: boolean,
  ) {
    if (!append) file.write(CSV_HEADER);
  }

  sample(metric: Metric, value: number, tags: Tags, timeMs: number): void {
    if (tags !== this.lastTags) {
      this.lastTags = tags;
      this.lastTagColumns = tagColumns(tags);
    }
    this.file.write(
      `${csvField(metric.name)},${unixSeconds(timeMs)},${value.toFixed(6)},${this.lastTagColumns}\n`,
    );
  }
}

function tagColumns(tags: Tags): string {
  let out = '';
  for (const t of SYSTEM_TAGS) out += `${csvField(tags[t] ?? '')},`;
  let extra = '';
  for (const k in tags) {
    if (SYSTEM.has(k)) continue;
    extra += `${extra === '' ? '' : '&'}${k}=${tags[k]}`;
  }
  return `${out}${csvField(extra)},`;
}
