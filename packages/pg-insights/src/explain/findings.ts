// The things a person looks for first in a plan, each with the figures that show it.
import type { PlanFindingJson, PlanNodeJson } from '@rota-perf/core';
import { nodeLabel, walkPlan } from './plan.js';

/** Where a finding starts; the defaults are what the report calls large. */
export interface FindingThresholds {
  /** A sequential scan that reads at least this many rows (all loops). */
  seqScanRows: number;
  /** Estimate and actual rows (per loop) differing by more than this factor… */
  estimateFactor: number;
  /** …when the larger of the two is at least this many rows (1 vs 12 matters to nobody). */
  estimateMinRows: number;
  /** A nested loop whose inner side runs at least this many times. */
  nestedLoopRuns: number;
}

export const DEFAULT_THRESHOLDS: FindingThresholds = {
  seqScanRows: 10_000,
  estimateFactor: 10,
  estimateMinRows: 100,
  nestedLoopRuns: 1_000,
};

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const rows = (n: number) => `${count(n)} ${Math.round(n) === 1 ? 'row' : 'rows'}`;

type Rule = (node: PlanNodeJson, t: FindingThresholds) => Omit<PlanFindingJson, 'statement'>[];

const seqScan: Rule = (node, t) => {
  if (!/Seq Scan$/.test(node.node_type) || node.loops === null) return [];
  const kept = (node.actual_rows ?? 0) * node.loops;
  const read = kept + (node.rows_removed ?? 0);
  if (read < t.seqScanRows) return [];
  const loops = node.loops > 1 ? ` over ${count(node.loops)} loops` : '';
  return [
    {
      kind: 'seq_scan_large',
      node: nodeLabel(node),
      detail: `read ${count(read)} rows${loops}, kept ${count(kept)}`,
    },
  ];
};

const estimate: Rule = (node, t) => {
  if (node.actual_rows === null || !node.loops) return [];
  const est = node.estimated_rows;
  const act = node.actual_rows;
  const factor = Math.max(est, act) / Math.max(Math.min(est, act), 1);
  if (factor <= t.estimateFactor || Math.max(est, act) < t.estimateMinRows) return [];
  const direction = act > est ? 'under' : 'over';
  return [
    {
      kind: 'row_estimate_off',
      node: nodeLabel(node),
      detail: `estimated ${rows(est)}, got ${count(act)} per loop (${direction}estimated ${count(factor)}×)`,
    },
  ];
};

// Buffers are inclusive of children: a node's own temp writes are its total minus theirs.
const ownTempWrites = (node: PlanNodeJson) =>
  (node.temp_written_blocks ?? 0) -
  node.children.reduce((sum, c) => sum + (c.temp_written_blocks ?? 0), 0);

const spill: Rule = (node) => {
  const reasons: string[] = [];
  if (node.sort_space_type === 'Disk') reasons.push('sorted on disk');
  if ((node.hash_batches ?? 1) > 1) reasons.push(`hashed in ${node.hash_batches} batches`);
  const temp = ownTempWrites(node);
  if (temp > 0) reasons.push(`wrote ${count(temp)} temp blocks (${count(temp * 8)} kB)`);
  if (reasons.length === 0) return [];
  return [{ kind: 'disk_spill', node: nodeLabel(node), detail: reasons.join(', ') }];
};

const nestedLoop: Rule = (node, t) => {
  const inner = node.children[1];
  if (node.node_type !== 'Nested Loop' || !inner?.loops || inner.loops < t.nestedLoopRuns) {
    return [];
  }
  const outer = node.children[0];
  const from = outer ? ` (once per row of ${nodeLabel(outer)})` : '';
  return [
    {
      kind: 'nested_loop_large',
      node: nodeLabel(node),
      detail: `inner ${nodeLabel(inner)} ran ${count(inner.loops)} times${from}`,
    },
  ];
};

const RULES: readonly Rule[] = [seqScan, estimate, spill, nestedLoop];

/** The findings of one statement's plan, nodes in plan order. */
export function findPlanIssues(
  plan: PlanNodeJson,
  statement: number,
  thresholds: FindingThresholds = DEFAULT_THRESHOLDS,
): PlanFindingJson[] {
  const found: PlanFindingJson[] = [];
  for (const node of walkPlan(plan)) {
    for (const rule of RULES) {
      for (const f of rule(node, thresholds)) found.push({ ...f, statement });
    }
  }
  return found;
}
