import type { GroupNode } from '../runtime/groups.js';
import type { SummaryData } from './data.js';

interface LegacyGroup {
  name: string;
  path: string;
  id: string;
  groups: Record<string, LegacyGroup>;
  checks: Record<string, { name: string; path: string; id: string; passes: number; fails: number }>;
}

function legacyGroup(g: GroupNode): LegacyGroup {
  return {
    name: g.name,
    path: g.path,
    id: g.id,
    groups: Object.fromEntries(g.groups.map((c) => [c.name, legacyGroup(c)])),
    checks: Object.fromEntries(g.checks.map((c) => [c.name, { ...c }])),
  };
}

/** The older `--summary-export` layout: checks/groups keyed by name, metric values flattened. */
export function toSummaryExport(data: SummaryData): Record<string, unknown> {
  const metrics: Record<string, Record<string, unknown>> = {};
  for (const [name, m] of Object.entries(data.metrics)) {
    let values: Record<string, unknown> = { ...m.values };
    if (m.type === 'rate')
      values = { passes: m.values.passes, fails: m.values.fails, value: m.values.rate };
    if (m.thresholds) {
      // In this layout the flag means "failed", as k6 writes it.
      values.thresholds = Object.fromEntries(
        Object.entries(m.thresholds).map(([k, v]) => [k, !v.ok]),
      );
    }
    metrics[name] = values;
  }
  return { root_group: legacyGroup(data.root_group), metrics };
}
