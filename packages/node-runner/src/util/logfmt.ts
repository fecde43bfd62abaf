import { format } from 'node:util';
import { writeErr } from './output.js';

/** Extra logfmt fields appended after `msg`, e.g. `{ source: 'console' }`. */
export type LogFields = Record<string, string | number>;

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Formats one log line as k6 does on a non-TTY stderr (logfmt). */
export function formatLogLine(level: string, msg: string, fields: LogFields = {}): string {
  const time = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let line = `time=${quote(time)} level=${level} msg=${quote(msg)}`;
  for (const [k, v] of Object.entries(fields)) {
    line += typeof v === 'number' || /^[\w.-]+$/.test(v) ? ` ${k}=${v}` : ` ${k}=${quote(v)}`;
  }
  return line;
}

/** Writes one k6-style log line to stderr. */
export function logLine(level: string, msg: string, fields: LogFields = {}): void {
  writeErr(`${formatLogLine(level, msg, fields)}\n`);
}

/** Routes the script's console through k6's log format (`source=console`) on stderr. */
export function installConsole(): void {
  const make =
    (level: string) =>
    (...args: unknown[]) =>
      logLine(level, args.map((a) => (typeof a === 'string' ? a : format('%j', a))).join(' '), {
        source: 'console',
      });
  console.log = make('info');
  console.info = make('info');
  console.warn = make('warning');
  console.error = make('error');
  console.debug = () => {};
}
