import { describe, expect, it } from 'vitest';
import { rawNode } from '../test-support/plans.js';
import { findPlanIssues } from './findings.js';
import { toPlanNode } from './plan.js';

const findings = (raw: ReturnType<typeof rawNode>) => findPlanIssues(toPlanNode(raw), 2);

describe('findPlanIssues', () => {
  it('flags a sequential scan that reads 10,000 rows or more, with what it kept', () => {
    const big = rawNode('Seq Scan', {
      'Relation Name': 'user_item_progress',
      'Plan Rows': 12,
      'Actual Rows': 12,
      'Rows Removed by Filter': 36100,
    });
    expect(findings(big)).toEqual([
      {
        kind: 'seq_scan_large',
        statement: 2,
        node: 'Seq Scan on user_item_progress',
        detail: 'read 36,112 rows, kept 12',
      },
    ]);
    const small = rawNode('Seq Scan', { 'Relation Name': 'lk_sex', 'Rows Removed by Filter': 5 });
    expect(findings(small)).toEqual([]);
  });

  it('counts every loop of a scan on the inner side of a join', () => {
    const inner = rawNode('Seq Scan', {
      'Relation Name': 'trail_items',
      'Actual Rows': 1,
      'Actual Loops': 100,
      'Rows Removed by Filter': 150,
    });
    const [finding] = findings(inner);
    expect(finding?.detail).toBe('read 15,100 rows over 100 loops, kept 100');
  });

  it('flags row estimates off by more than 10×, in both directions, above 100 rows', () => {
    const under = rawNode('Index Scan', {
      'Relation Name': 'trail_items',
      'Index Name': 'idx_trail_items_trail_order',
      'Plan Rows': 4,
      'Actual Rows': 90,
    });
    expect(findings(under)).toEqual([]);
    const farUnder = rawNode('Bitmap Heap Scan', {
      'Relation Name': 'big',
      'Plan Rows': 50,
      'Actual Rows': 1000,
    });
    expect(findings(farUnder).map((f) => [f.kind, f.detail])).toEqual([
      ['row_estimate_off', 'estimated 50 rows, got 1,000 per loop (underestimated 20×)'],
    ]);
    const over = rawNode('Hash Join', { 'Plan Rows': 5000, 'Actual Rows': 3 });
    expect(findings(over).map((f) => f.detail)).toEqual([
      'estimated 5,000 rows, got 3 per loop (overestimated 1,667×)',
    ]);
    // Exactly 10× is not "more than".
    expect(findings(rawNode('Seq Scan', { 'Plan Rows': 100, 'Actual Rows': 1000 }))).toEqual([]);
  });

  it('flags sorts and hashes that spill to disk, counting only the node’s own temp writes', () => {
    const sort = rawNode(
      'Sort',
      { 'Sort Method': 'external merge', 'Sort Space Type': 'Disk', 'Temp Written Blocks': 700 },
      [
        rawNode('Function Scan', {
          'Function Name': 'generate_series',
          'Temp Written Blocks': 300,
        }),
      ],
    );
    expect(findings(sort).map((f) => [f.node, f.detail])).toEqual([
      ['Sort', 'sorted on disk, wrote 400 temp blocks (3,200 kB)'],
      ['Function Scan on generate_series', 'wrote 300 temp blocks (2,400 kB)'],
    ]);
    const hash = rawNode('Hash', { 'Hash Batches': 4, 'Original Hash Batches': 1 });
    expect(findings(hash).map((f) => f.detail)).toEqual(['hashed in 4 batches']);
    expect(findings(rawNode('Sort', { 'Sort Space Type': 'Memory' }))).toEqual([]);
  });

  it('flags a nested loop whose inner side runs 1,000 times or more', () => {
    const loop = (runs: number) =>
      rawNode('Nested Loop', { 'Join Type': 'Inner' }, [
        rawNode('Seq Scan', {
          'Relation Name': 'user_trails',
          'Plan Rows': runs,
          'Actual Rows': runs,
        }),
        rawNode('Index Scan', {
          'Relation Name': 'trail_items',
          'Index Name': 'trail_items_pkey',
          'Actual Loops': runs,
        }),
      ]);
    expect(findings(loop(999))).toEqual([]);
    expect(findings(loop(1200)).map((f) => [f.kind, f.node, f.detail])).toEqual([
      [
        'nested_loop_large',
        'Nested Loop',
        'inner Index Scan on trail_items using trail_items_pkey ran 1,200 times (once per row of Seq Scan on user_trails)',
      ],
    ]);
  });

  it('says nothing about nodes that never ran', () => {
    const never = rawNode('Seq Scan', {
      'Relation Name': 'big',
      'Plan Rows': 50000,
      'Actual Rows': 0,
      'Actual Loops': 0,
    });
    expect(findings(never)).toEqual([]);
  });
});
