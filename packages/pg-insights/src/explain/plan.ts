// EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output reduced to what a reader compares: per node
// the estimate against what happened, buffers and spills, without costs.
import type { PlanNodeJson } from '@rota-perf/core';

/** A node as PostgreSQL's JSON format writes it (the keys we read). */
export type RawPlanNode = Record<string, unknown> & { Plans?: RawPlanNode[] };

/** The JSON document EXPLAIN returns: one entry per statement. */
export interface RawExplain {
  Plan: RawPlanNode;
  'Planning Time'?: number;
  'Execution Time'?: number;
}

const CONDITIONS = [
  'Index Cond',
  'Hash Cond',
  'Merge Cond',
  'Join Filter',
  'Filter',
  'Recheck Cond',
] as const;

const numberOr = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const textOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** One node and its children, as stored in the results. */
export function toPlanNode(raw: RawPlanNode): PlanNodeJson {
  const loops = numberOr(raw['Actual Loops']);
  // Rows removed are reported per loop, like actual rows: times loops gives the total.
  const removedPerLoop = ['Rows Removed by Filter', 'Rows Removed by Join Filter']
    .map((key) => numberOr(raw[key]))
    .filter((n) => n !== null);
  const rowsRemoved =
    removedPerLoop.length === 0 ? null : removedPerLoop.reduce((a, b) => a + b, 0) * (loops ?? 1);
  const perLoopMs = numberOr(raw['Actual Total Time']);
  const conditions = CONDITIONS.filter((key) => typeof raw[key] === 'string').map(
    (key) => `${key}: ${raw[key]}`,
  );
  return {
    node_type: String(raw['Node Type'] ?? 'unknown'),
    strategy: textOr(raw['Join Type']) ?? textOr(raw.Strategy),
    relation:
      textOr(raw['Relation Name']) ?? textOr(raw['CTE Name']) ?? textOr(raw['Function Name']),
    index: textOr(raw['Index Name']),
    condition: conditions.length > 0 ? conditions.join('; ') : null,
    estimated_rows: numberOr(raw['Plan Rows']) ?? 0,
    actual_rows: numberOr(raw['Actual Rows']),
    loops,
    rows_removed: rowsRemoved,
    actual_total_ms: perLoopMs === null ? null : perLoopMs * (loops ?? 1),
    shared_hit_blocks: numberOr(raw['Shared Hit Blocks']),
    shared_read_blocks: numberOr(raw['Shared Read Blocks']),
    temp_written_blocks: numberOr(raw['Temp Written Blocks']),
    sort_space_type: textOr(raw['Sort Space Type']),
    hash_batches: numberOr(raw['Hash Batches']),
    children: (raw.Plans ?? []).map(toPlanNode),
  };
}

/** The node as a person names it: `Index Scan on users using users_pkey`. */
export function nodeLabel(node: PlanNodeJson): string {
  const on = node.relation === null ? '' : ` on ${node.relation}`;
  const using = node.index === null ? '' : ` using ${node.index}`;
  return `${node.node_type}${on}${using}`;
}

/** Every node of a tree, parents before children. */
export function* walkPlan(node: PlanNodeJson): Generator<PlanNodeJson> {
  yield node;
  for (const child of node.children) yield* walkPlan(child);
}
