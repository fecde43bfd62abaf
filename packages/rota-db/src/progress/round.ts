/**
 * Rounds to 2 decimals like Python's `round(x, 2)`: on the exact binary value, ties to even.
 * `toFixed(2)` alone rounds exact ties (e.g. 0.125) away from zero.
 */
export function roundPercent(value: number): number {
  if (!Number.isFinite(value)) return value;
  // toFixed(60) spells the exact decimal value of the double for the magnitudes we see.
  const exact = Math.abs(value).toFixed(60);
  const [whole = '0', fraction = ''] = exact.split('.');
  const kept = `${whole}.${fraction.slice(0, 2)}`;
  const rest = fraction.slice(2);
  let result = Number(kept);
  const half = `5${'0'.repeat(rest.length - 1)}`;
  const lastDigit = Number(fraction[1] ?? '0');
  if (rest > half || (rest === half && lastDigit % 2 === 1)) {
    result = Number((result + 0.01).toFixed(2));
  }
  return value < 0 ? -result : result;
}

/** `round(100·done/total, 2)`, or 0 when total is 0 (docs/rota-api.md §2.2). */
export function percentOf(done: number, total: number): number {
  return total > 0 ? roundPercent((100 * done) / total) : 0;
}
