// Plan changes between two db-bench --explain results: the cases whose fingerprint differs,
// and which of their statements changed shape.
import type { DbBenchJsonCase } from '@rota-perf/core';

/** A case whose plans changed between two results. */
export interface PlanChange {
  case: string;
  before: string;
  after: string;
  /** Statements (by position) whose fingerprint differs, or that only one side has. */
  statements: { index: number; before: string | null; after: string | null; sql: string }[];
}

/** Cases explained in both results whose plans differ, in the order of `after`. */
export function comparePlans(
  before: readonly DbBenchJsonCase[],
  after: readonly DbBenchJsonCase[],
): PlanChange[] {
  const old = new Map(before.map((c) => [c.name, c.explain]));
  const changes: PlanChange[] = [];
  for (const current of after) {
    const was = old.get(current.name);
    const now = current.explain;
    if (!was || !now || was.fingerprint === now.fingerprint) continue;
    const length = Math.max(was.statements.length, now.statements.length);
    const statements: PlanChange['statements'] = [];
    for (let index = 0; index < length; index++) {
      const a = was.statements[index];
      const b = now.statements[index];
      if (a?.fingerprint === b?.fingerprint) continue;
      statements.push({
        index,
        before: a?.fingerprint ?? null,
        after: b?.fingerprint ?? null,
        sql: (b ?? a)?.sql ?? '',
      });
    }
    changes.push({
      case: current.name,
      before: was.fingerprint,
      after: now.fingerprint,
      statements,
    });
  }
  return changes;
}
