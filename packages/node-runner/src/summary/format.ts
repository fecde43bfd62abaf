// Number formatting of k6's end-of-test summary (Go durations, go-humanize bytes).

function trim2(v: number): string {
  const t = Math.trunc(v * 100) / 100;
  return t.toFixed(2).replace(/\.?0+$/, '');
}

/** Milliseconds as k6 prints them: `508ns`, `83.83µs`, `1.16ms`, `2.5s`, `1m2.3s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0 ? '-' : '';
  const a = Math.abs(ms);
  let out: string;
  if (a < 0.001) out = `${Math.trunc(a * 1e6)}ns`;
  else if (a < 1) out = `${trim2(a * 1000)}µs`;
  else if (a < 1000) out = `${trim2(a)}ms`;
  else if (a < 60_000) out = `${trim2(a / 1000)}s`;
  else {
    const h = Math.floor(a / 3_600_000);
    const m = Math.floor((a % 3_600_000) / 60_000);
    const s = (a % 60_000) / 1000;
    out = `${h ? `${h}h` : ''}${m}m${trim2(s)}s`;
  }
  return neg + out;
}

/** Bytes as go-humanize prints them: `850 B`, `2.3 kB`, `322 kB`. */
export function formatBytes(n: number): string {
  if (n < 10) return `${Math.round(n)} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  const e = Math.min(Math.floor(Math.log(n) / Math.log(1000)), units.length - 1);
  const v = n / 1000 ** e;
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${units[e]}`;
}

/** Plain numbers: up to 6 decimals, trailing zeros dropped. */
export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(6).replace(/\.?0+$/, '');
}
