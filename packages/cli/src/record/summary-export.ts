// What the run record takes from the engine's end-of-test summary, read from k6's
// `--summary-export` file (node-runner writes the same layout): thresholds with their
// verdicts, named checks, the request count and rate. Both engines, one reader.
import { readFile } from 'node:fs/promises';
import type { RunCheck, RunThreshold } from '@rota-perf/core';

/** The figures of a summary export the run record uses. */
export interface SummaryFacts {
  thresholds: RunThreshold[];
  checks: RunCheck[];
  /** `http_reqs` count and rate (per second of the test run). */
  requests: number | null;
  requestRate: number | null;
  droppedIterations: number | null;
}

interface ExportGroup {
  checks?: Record<string, { name?: string; passes?: number; fails?: number }>;
  groups?: Record<string, ExportGroup>;
}

interface ExportDoc {
  root_group?: ExportGroup;
  metrics?: Record<string, Record<string, unknown>>;
}

// Checks of nested groups, summed by name (the same check may run in several groups).
function collectChecks(group: ExportGroup | undefined, into: Map<string, RunCheck>): void {
  if (!group) return;
  for (const [key, c] of Object.entries(group.checks ?? {})) {
    const name = c.name ?? key;
    const seen = into.get(name) ?? { name, passes: 0, fails: 0 };
    seen.passes += Number(c.passes ?? 0);
    seen.fails += Number(c.fails ?? 0);
    into.set(name, seen);
  }
  for (const child of Object.values(group.groups ?? {})) collectChecks(child, into);
}

const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null);

/** The facts of a parsed export (thresholds map an expression to `true` when it FAILED). */
export function summaryFactsOf(doc: ExportDoc): SummaryFacts {
  const thresholds: RunThreshold[] = [];
  const metrics = doc.metrics ?? {};
  for (const metric of Object.keys(metrics).sort()) {
    const list = metrics[metric]?.thresholds;
    if (!list || typeof list !== 'object') continue;
    for (const [expression, failed] of Object.entries(list as Record<string, unknown>)) {
      thresholds.push({ metric, expression, passed: failed !== true });
    }
  }
  const checks = new Map<string, RunCheck>();
  collectChecks(doc.root_group, checks);
  return {
    thresholds,
    checks: [...checks.values()],
    requests: numberOrNull(metrics.http_reqs?.count),
    requestRate: numberOrNull(metrics.http_reqs?.rate),
    droppedIterations: numberOrNull(metrics.dropped_iterations?.count),
  };
}

/** The facts of the export at `path`, or null when the engine wrote none (or a broken one). */
export async function readSummaryFacts(path: string): Promise<SummaryFacts | null> {
  try {
    return summaryFactsOf(JSON.parse(await readFile(path, 'utf8')) as ExportDoc);
  } catch {
    return null;
  }
}
