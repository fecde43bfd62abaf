// Whether the instances are parts of one run: the same script, the same settings and
// thresholds, segments that do not overlap. A merge of anything else would add up figures of
// different tests, so it is refused with one line naming the instance and the difference;
// segments that leave part of the test out only warn (the merged run is then that part). Pure.
import { UsageError } from '@rota-perf/core';
import { formatSegment, parseSegment, segmentCoverage } from '@rota-perf/node-runner';
import type { InstancePart } from './parts.js';

/** Variables that differ between the instances of one run by design. */
const PER_INSTANCE = new Set(['RUN_ID', 'RESULTS_DIR']);

function sameScript(parts: readonly InstancePart[], script: string | undefined): string | null {
  let chosen: { script: string; id: string } | null = script ? { script, id: '--script' } : null;
  for (const part of parts) {
    const own = part.record?.script;
    if (!own) continue;
    if (chosen === null) chosen = { script: own, id: part.id };
    else if (own !== chosen.script)
      throw new UsageError(
        `${part.id}: ran script ${own}, but ${chosen.id} is ${chosen.script} (merge takes the instances of one run)`,
      );
  }
  return chosen?.script ?? null;
}

function sameVariables(parts: readonly InstancePart[]): void {
  const recorded = parts.filter((p) => p.record !== null);
  const first = recorded[0];
  if (!first?.record) return;
  for (const part of recorded.slice(1)) {
    const a = first.record.variables;
    const b = part.record?.variables ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (PER_INSTANCE.has(key) || a[key] === b[key]) continue;
      throw new UsageError(
        `${part.id}: ${key}=${b[key] ?? '(unset)'}, but ${first.id} has ${key}=${a[key] ?? '(unset)'} (different run settings)`,
      );
    }
  }
}

function sameThresholds(parts: readonly InstancePart[]): void {
  const seen = new Map<string, { list: string; id: string }>();
  for (const part of parts) {
    for (const [metric, list] of part.thresholds) {
      const text = JSON.stringify(list);
      const before = seen.get(metric);
      if (before === undefined) seen.set(metric, { list: text, id: part.id });
      else if (before.list !== text)
        throw new UsageError(
          `${part.id}: thresholds of ${metric} are ${text}, but ${before.id} has ${before.list} (different run settings)`,
        );
    }
  }
}

function checkSegments(parts: readonly InstancePart[]): string[] {
  const known = parts.filter((p) => p.segment !== null);
  if (known.length === 0)
    return [
      `segments not checked: ${parts.length === 1 ? 'the instance does' : 'the instances do'} not say which execution segment they ran (k6 --out json files do not record it)`,
    ];
  const warnings: string[] = [];
  if (known.length < parts.length)
    warnings.push(
      `segments partly checked: ${parts
        .filter((p) => p.segment === null)
        .map((p) => p.id)
        .join(', ')} did not say which segment they ran`,
    );
  const segments = known.map((p) => {
    try {
      return parseSegment(p.segment as string);
    } catch (error) {
      throw new UsageError(
        `${p.id}: segment "${p.segment}" is not one (${(error as Error).message})`,
      );
    }
  });
  const { overlaps, gaps } = segmentCoverage(segments);
  const [a, b] = overlaps[0] ?? [];
  if (a !== undefined) {
    const ids = known.filter(
      (p) => p.segment !== null && [a, b].includes(formatSegment(parseSegment(p.segment))),
    );
    throw new UsageError(
      `segments ${a} and ${b} overlap (${ids.map((p) => p.id).join(', ')}): those instances ran some iterations twice`,
    );
  }
  if (gaps.length > 0)
    warnings.push(
      `segments do not cover the whole test: ${gaps.join(', ')} ran on no instance given`,
    );
  return warnings;
}

/**
 * Checks the instances; returns the script they ran (the records', else `script`) and the
 * warnings to print. Throws a UsageError when they are not parts of one run.
 */
export function checkParts(
  parts: readonly InstancePart[],
  script?: string,
): { script: string | null; warnings: string[] } {
  if (parts.length === 0) throw new UsageError('nothing to merge (expected one or more folders)');
  const chosen = sameScript(parts, script);
  sameVariables(parts);
  sameThresholds(parts);
  return { script: chosen, warnings: checkSegments(parts) };
}
