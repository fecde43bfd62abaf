// A plan's shape as a short hash: node types, join types and strategies, relations, indexes
// and how subplans hang together, without costs, row counts, timings or values, so the same
// plan hashes the same on any data and any run, and a changed plan shows as a changed hash.
import { createHash } from 'node:crypto';
import type { RawPlanNode } from './plan.js';

const SHAPE_KEYS = [
  'Node Type',
  'Join Type',
  'Strategy',
  'Partial Mode',
  'Scan Direction',
  'Relation Name',
  'Index Name',
  'CTE Name',
  'Function Name',
  'Parent Relationship',
  'Subplan Name',
] as const;

/** The shape of a plan as text (what the fingerprint hashes). */
export function planShape(node: RawPlanNode): string {
  const own = SHAPE_KEYS.filter((key) => node[key] !== undefined)
    .map((key) => `${key}=${String(node[key])}`)
    .join(',');
  const children = (node.Plans ?? []).map(planShape).join(';');
  return children === '' ? `(${own})` : `(${own}[${children}])`;
}

/** 16 hex digits of a SHA-256. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The fingerprint of one plan. */
export function planFingerprint(node: RawPlanNode): string {
  return shortHash(planShape(node));
}

/** The fingerprint of a sequence of plans (a case's statements, in order). */
export function combineFingerprints(fingerprints: readonly string[]): string {
  return shortHash(fingerprints.join('\n'));
}
