/**
 * Python's `round(x, 2)`: correctly rounded on the binary value, ties to even. The only exact
 * ties at the third decimal are odd multiples of 1/8 (x.125, x.375, ...), handled explicitly;
 * everything else is what `toFixed(2)` gives.
 */
export function roundHalfEven2(value: number): number {
  const eighths = value * 8;
  if (Number.isInteger(eighths) && eighths % 2 !== 0) {
    const scaled = value * 100;
    const floor = Math.floor(scaled);
    return (floor % 2 === 0 ? floor : floor + 1) / 100;
  }
  return Number(value.toFixed(2));
}

/** round(100·done/total, 2), or 0 when total is 0. */
export function percentOf(done: number, total: number): number {
  return total > 0 ? roundHalfEven2((100 * done) / total) : 0;
}
