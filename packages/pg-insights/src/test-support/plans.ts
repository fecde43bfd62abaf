// Raw EXPLAIN nodes for the pure tests, shaped as PostgreSQL's JSON format writes them.
import type { RawPlanNode } from '../explain/plan.js';

/** A node with analyse figures; `extra` adds or overrides keys. */
export function rawNode(
  type: string,
  extra: Record<string, unknown> = {},
  children: RawPlanNode[] = [],
): RawPlanNode {
  return {
    'Node Type': type,
    'Startup Cost': 0.29,
    'Total Cost': 8.31,
    'Plan Rows': 1,
    'Plan Width': 40,
    'Actual Startup Time': 0.01,
    'Actual Total Time': 0.02,
    'Actual Rows': 1,
    'Actual Loops': 1,
    'Shared Hit Blocks': 3,
    'Shared Read Blocks': 0,
    'Temp Written Blocks': 0,
    ...extra,
    ...(children.length > 0 ? { Plans: children } : {}),
  };
}
