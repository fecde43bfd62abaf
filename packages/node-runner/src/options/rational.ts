// Exact fractions for execution segments: thirds must add up to exactly one, as in k6 (big.Rat).

/** A fraction in lowest terms with a positive denominator. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** num/den in lowest terms (den must not be 0). */
export function rational(num: bigint, den = 1n): Rational {
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export function subtract(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const ZERO = rational(0n);
export const ONE = rational(1n);

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads `3`, `1/3`, `0.25`, `2.5e-1` (Go's big.Rat forms in base 10); null if it is none. */
function parseNumber(text: string): Rational | null {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const top = text.slice(0, slash);
    const bottom = text.slice(slash + 1);
    if (!INTEGER.test(top) || !/^\d+$/.test(bottom) || BigInt(bottom) === 0n) return null;
    return rational(BigInt(top), BigInt(bottom));
  }
  const m = DECIMAL.exec(text);
  const [, sign, whole = '', fraction = '', exponent] = m ?? [];
  if (!m || whole + fraction === '') return null;
  const exp = Number(exponent ?? 0) - fraction.length;
  // A huge exponent is not a segment bound anyone means; refuse it rather than build 10^1e9.
  if (Math.abs(exp) > 64) return null;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return exp >= 0 ? rational(digits * 10n ** BigInt(exp)) : rational(digits, 10n ** BigInt(-exp));
}

/**
 * Reads a segment bound as k6 does: a percentage of whole percent (`50%`), a decimal
 * (`0.5`) or a fraction (`1/2`). Throws with k6's wording when it is none of these.
 */
export function parseRational(text: string): Rational {
  if (text.endsWith('%')) {
    const percent = text.slice(0, -1);
    if (!INTEGER.test(percent)) throw new Error(`'${text}' is not a valid percentage`);
    return rational(BigInt(percent), 100n);
  }
  const value = parseNumber(text);
  if (!value)
    throw new Error(`'${text}' is not a valid percentage, decimal, fraction or interval value`);
  return value;
}

/** `1/3`, or `2` for whole numbers (big.Rat's RatString). */
export function formatRational(r: Rational): string {
  return r.den === 1n ? String(r.num) : `${r.num}/${r.den}`;
}

/** The value as a JavaScript number (for percentages and rates shown to people). */
export function toNumber(r: Rational): number {
  return Number(r.num) / Number(r.den);
}
