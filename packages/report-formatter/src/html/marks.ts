// Markers on the time axes: the run's phases (warm-up, plateau, cool-down) and the sweep levels,
// placed by wall-clock time so that every chart of a run shares one clock.
import type { RunPhase } from '@rota-perf/core';
import type { ReportInputs, TimelineMark } from './inputs.js';

// Each sweep level's start as wall-clock epoch ms.
function levelStarts(inputs: ReportInputs): { ms: number; label: string }[] {
  const starts: { ms: number; label: string }[] = [];
  for (const result of inputs.results) {
    if (result.layout !== 'sweep') continue;
    const started = result.doc.started_at ? Date.parse(result.doc.started_at) : Number.NaN;
    if (Number.isNaN(started)) continue;
    for (const l of result.doc.scenarios) {
      if (typeof l.start_seconds !== 'number') continue;
      starts.push({ ms: started + l.start_seconds * 1000, label: l.scenario });
    }
  }
  return starts;
}

/**
 * Places each sweep level on a memory timeline: level start = test start (`started_at`) +
 * `start_seconds`, mapped onto the CSV's elapsed axis through the first sample's timestamp.
 */
export function computeTimelineMarks(inputs: ReportInputs): Map<string, TimelineMark[]> {
  const byFile = new Map<string, TimelineMark[]>();
  const levels = levelStarts(inputs);
  for (const m of inputs.memory) {
    const first = m.samples[0];
    const firstMs = first ? Date.parse(first.timestamp) : Number.NaN;
    const marks: TimelineMark[] = [];
    if (first && !Number.isNaN(firstMs)) {
      for (const l of levels) {
        marks.push({ atSeconds: (l.ms - firstMs) / 1000 + first.elapsedSeconds, label: l.label });
      }
    }
    byFile.set(m.file, marks);
  }
  return byFile;
}

/** Seconds from the series' start to the run record's start (phases count from the latter). */
export function phaseOffsetSeconds(inputs: ReportInputs): number {
  if (!inputs.run || !inputs.series) return 0;
  return (Date.parse(inputs.run.started_at) - Date.parse(inputs.series.series.started_at)) / 1000;
}

/** The run record's phases on the series' clock. */
export function phasesOnSeriesClock(inputs: ReportInputs): RunPhase[] {
  const offset = phaseOffsetSeconds(inputs);
  return (inputs.run?.phases ?? []).map((p) => ({
    ...p,
    start_seconds: p.start_seconds + offset,
    end_seconds: p.end_seconds + offset,
  }));
}

/**
 * The markers of the time charts, in seconds since the series' start: the run's phases, then
 * the sweep levels the phases do not already name.
 */
export function seriesClockMarks(inputs: ReportInputs): TimelineMark[] {
  if (!inputs.series) return [];
  const clockMs = Date.parse(inputs.series.series.started_at);
  const phases = phasesOnSeriesClock(inputs);
  const marks: TimelineMark[] = phases.map((p) => ({
    atSeconds: p.start_seconds,
    label: p.name,
    kind: 'phase',
  }));
  const named = new Set(phases.map((p) => p.name));
  for (const l of levelStarts(inputs)) {
    if (!named.has(l.label))
      marks.push({ atSeconds: (l.ms - clockMs) / 1000, label: l.label, kind: 'level' });
  }
  return marks.sort((a, b) => a.atSeconds - b.atSeconds);
}
