import type { BenchCase } from './define-case.js';

/**
 * Builds a case-name matcher from a `--filter` pattern: case-insensitive, a plain pattern
 * matches anywhere in the name, `*` matches any run of characters (then the whole name must
 * match), and `a,b` matches either.
 */
export function matchCaseName(pattern: string): (name: string) => boolean {
  const alternatives = pattern
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const matchers = alternatives.map((alt) => {
    if (!alt.includes('*')) {
      const needle = alt.toLowerCase();
      return (name: string) => name.toLowerCase().includes(needle);
    }
    const source = alt
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    const re = new RegExp(`^${source}$`, 'i');
    return (name: string) => re.test(name);
  });
  return (name) => matchers.some((m) => m(name));
}

/** The cases that run, in order: writes only when included, and only those the filter names. */
export function selectCases<C extends Pick<BenchCase, 'name' | 'writes'>>(
  cases: readonly C[],
  options: { includeWrites?: boolean; filter?: string | null | undefined },
): C[] {
  const matches = options.filter == null ? () => true : matchCaseName(options.filter);
  return cases.filter((c) => (options.includeWrites || !c.writes) && matches(c.name));
}
