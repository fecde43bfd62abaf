// Number, byte, duration and percent formatting. No toLocaleString/Intl: this runs inside k6,
// whose JavaScript runtime has no Intl, and output must not depend on the machine's locale.

/** What every formatter prints for a value that is missing, NaN or infinite. */
export const MISSING = 'n/a';

/** True for a number that can be printed (not null/undefined, not NaN, not ±Infinity). */
export function isPrintable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

// toFixed switches to exponent notation at 1e21; expand it so huge figures keep all digits.
function plainDigits(abs: number, decimals: number): string {
  const fixed = abs.toFixed(decimals);
  if (!/e/i.test(fixed)) return fixed;
  const [mantissa = '', exponentText = '0'] = abs.toExponential().split('e');
  const exponent = Number(exponentText);
  const [intPart = '', fracPart = ''] = mantissa.split('.');
  const digits = intPart + fracPart;
  const integer = digits + '0'.repeat(Math.max(0, exponent + 1 - digits.length));
  return decimals > 0 ? `${integer}.${'0'.repeat(decimals)}` : integer;
}

function groupThousands(integer: string): string {
  let out = '';
  for (let i = 0; i < integer.length; i++) {
    if (i > 0 && (integer.length - i) % 3 === 0) out += ',';
    out += integer[i];
  }
  return out;
}

/** Fixed decimals with `,` thousands separators (`1,234,567.89`); `n/a` when not printable. */
export function formatNumber(value: number | null | undefined, decimals = 2): string {
  if (!isPrintable(value)) return MISSING;
  const text = plainDigits(Math.abs(value), decimals);
  const [integer = '0', fraction] = text.split('.');
  const body = groupThousands(integer) + (fraction === undefined ? '' : `.${fraction}`);
  // Rounding can turn a tiny negative into zero: print "0.00", not "-0.00".
  const negative = value < 0 && /[1-9]/.test(text);
  return negative ? `-${body}` : body;
}

/** An integer count with thousands separators (`27,603`); `n/a` when not printable. */
export function formatCount(value: number | null | undefined): string {
  return formatNumber(isPrintable(value) ? Math.round(value) : value, 0);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Bytes in binary units (`512 B`, `1.50 KiB`, `2.00 GiB`); `n/a` when not printable. */
export function formatBytes(bytes: number | null | undefined, decimals = 2): string {
  if (!isPrintable(bytes)) return MISSING;
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  if (unit === 0) return `${sign}${formatNumber(value, 0)} B`;
  return `${sign}${formatNumber(value, decimals)} ${BYTE_UNITS[unit]}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A duration given in seconds: `850.00ms` below 1 s, `12.35s` below a minute, then
 * `2m 05s` and `1h 02m 03s`; `n/a` when not printable.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isPrintable(seconds)) return MISSING;
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  if (abs < 1) return `${sign}${formatNumber(abs * 1000, 2)}ms`;
  if (abs < 60) return `${sign}${formatNumber(abs, 2)}s`;
  const whole = Math.round(abs);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  if (h === 0) return `${sign}${m}m ${pad2(s)}s`;
  return `${sign}${formatNumber(h, 0)}h ${pad2(m)}m ${pad2(s)}s`;
}

/** Milliseconds with 2 decimals and a unit (`12.35 ms`); `n/a` when not printable. */
export function formatMs(ms: number | null | undefined): string {
  return isPrintable(ms) ? `${formatNumber(ms, 2)} ms` : MISSING;
}

/** A ratio (0..1) as a percentage (`0.22%` for 0.0022); `n/a` when not printable. */
export function formatPercent(ratio: number | null | undefined, decimals = 2): string {
  return isPrintable(ratio) ? `${formatNumber(ratio * 100, decimals)}%` : MISSING;
}
