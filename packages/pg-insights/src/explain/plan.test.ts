import { describe, expect, it } from 'vitest';
import { rawNode } from '../test-support/plans.js';
import { planFingerprint, planShape } from './fingerprint.js';
import { nodeLabel, toPlanNode } from './plan.js';

const indexScan = (extra: Record<string, unknown> = {}) =>
  rawNode('Index Scan', {
    'Relation Name': 'users',
    'Index Name': 'users_pkey',
    'Scan Direction': 'Forward',
    'Index Cond': '(user_id = $1)',
    ...extra,
  });

describe('toPlanNode', () => {
  it('keeps estimates, actual rows per loop, totals over loops, buffers and conditions', () => {
    const node = toPlanNode(
      rawNode(
        'Nested Loop',
        { 'Join Type': 'Left', 'Plan Rows': 3, 'Actual Rows': 2, 'Actual Total Time': 0.5 },
        [
          rawNode('Seq Scan', {
            'Relation Name': 'lk_sex',
            Filter: "(code = 'M'::text)",
            'Rows Removed by Filter': 2,
            'Actual Loops': 3,
            'Actual Total Time': 0.01,
          }),
        ],
      ),
    );
    expect(node).toMatchObject({
      node_type: 'Nested Loop',
      strategy: 'Left',
      estimated_rows: 3,
      actual_rows: 2,
      loops: 1,
      actual_total_ms: 0.5,
      shared_hit_blocks: 3,
    });
    expect(node.children[0]).toMatchObject({
      relation: 'lk_sex',
      condition: "Filter: (code = 'M'::text)",
      rows_removed: 6,
      actual_total_ms: 0.03,
    });
    expect(nodeLabel(toPlanNode(indexScan()))).toBe('Index Scan on users using users_pkey');
  });
});

describe('planFingerprint', () => {
  it('ignores costs, row counts, timings, buffers and conditions', () => {
    const other = indexScan({
      'Total Cost': 99,
      'Plan Rows': 7,
      'Actual Rows': 0,
      'Actual Total Time': 3,
      'Shared Hit Blocks': 40,
      'Index Cond': "(user_id = '42'::bigint)",
    });
    expect(planFingerprint(other)).toBe(planFingerprint(indexScan()));
    expect(planFingerprint(indexScan())).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with the node type, the index, the join type or the tree', () => {
    const base = planFingerprint(indexScan());
    expect(planFingerprint(indexScan({ 'Node Type': 'Index Only Scan' }))).not.toBe(base);
    expect(planFingerprint(indexScan({ 'Index Name': 'users_email_key' }))).not.toBe(base);
    const join = (type: string) =>
      planFingerprint(rawNode('Hash Join', { 'Join Type': type }, [indexScan(), indexScan()]));
    expect(join('Inner')).not.toBe(join('Left'));
    expect(planShape(rawNode('Limit', {}, [indexScan()]))).toBe(
      '(Node Type=Limit[(Node Type=Index Scan,Scan Direction=Forward,Relation Name=users,Index Name=users_pkey)])',
    );
  });
});
