// Live progress as text: the status block of a terminal (redrawn in place), the heartbeat
// line of a log, the one line of a finished sweep level. Pure functions of a snapshot.
import type { LevelFigures, ProgressSnapshot, ScenarioFigures } from './model.js';

/** `1:05`, `1:02:03`. */
export function formatClock(seconds: number): string {
  const s = Math.floor(seconds);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

const rate = (n: number | null) => (n === null ? '–' : n.toFixed(1));
const ms = (n: number | null) => (n === null ? '–' : n.toFixed(1));
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const percent = (part: number, whole: number) =>
  whole === 0 ? '0.00%' : `${((100 * part) / whole).toFixed(2)}%`;

function clockPart(s: ProgressSnapshot): string {
  if (s.elapsed === null) {
    if (s.sinceLaunch === null) return 'starting';
    return `setting up ${formatClock(s.sinceLaunch)}`;
  }
  const phase = s.phase === null ? '' : ` ${s.phase}`;
  return `${formatClock(s.elapsed)}/${formatClock(s.totalSeconds)}${phase}`;
}

function bar(s: ProgressSnapshot, width: number): string {
  const done =
    s.elapsed === null || s.totalSeconds <= 0 ? 0 : Math.min(1, s.elapsed / s.totalSeconds);
  const filled = Math.round(done * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(done * 100)).padStart(3)}%`;
}

function statusText(s: ProgressSnapshot): string {
  const classes = Object.keys(s.statuses)
    .sort()
    .map((k) => `${k} ${count(s.statuses[k] ?? 0)}`);
  return classes.length > 0 ? ` (${classes.join(', ')})` : '';
}

/** One plain line for logs: where the run is and its figures of the last second. */
export function renderHeartbeat(s: ProgressSnapshot): string {
  const t = s.total;
  const vus = t.vus === null ? '–' : `${t.vus}/${t.vusMax ?? '–'}`;
  return [
    `[${s.title}] ${clockPart(s)}`,
    `target ${rate(t.target)}/s`,
    `achieved ${rate(t.achieved)}/s`,
    `VUs ${vus}`,
    `p95 ${ms(t.p95)} ms`,
    `errors ${t.errors}/s`,
    `requests ${count(s.requests)}, failed ${count(s.failed)} (${percent(s.failed, s.requests)}), dropped ${count(s.dropped)}`,
  ].join(' · ');
}

/** The one line of a finished sweep level. */
export function renderLevel(l: LevelFigures): string {
  const vus = l.peakVus === null ? '' : `, VUs busy ≤ ${count(l.peakVus)}`;
  const cpu = l.generatorCpu === null ? '' : `, generator CPU ${Math.round(l.generatorCpu)}%`;
  return `level ${l.index}/${l.of} ${l.scenario}: target ${l.targetRps}/s, achieved ${rate(l.achievedRps)}/s, p95 ${ms(l.p95)} ms, failed ${count(l.failed)}/${count(l.requests)} (${percent(l.failed, l.requests)}), dropped ${count(l.dropped)}${vus}${cpu}`;
}

const COLUMNS = ['target/s', 'achieved/s', 'p95 ms', 'errors/s'];

function row(name: string, cells: string[], nameWidth: number): string {
  return `  ${name.padEnd(nameWidth)}${cells.map((c, i) => c.padStart((COLUMNS[i] as string).length + 2)).join('')}`;
}

function cellsOf(f: ScenarioFigures): string[] {
  return [rate(f.target), rate(f.achieved), ms(f.p95), String(f.errors)];
}

/** Folds the scenarios past the first `topN` (by achieved, then target rate) into one row. */
function topScenarios(list: readonly ScenarioFigures[], topN: number): ScenarioFigures[] {
  const busy = list
    .filter((f) => f.achieved > 0 || (f.target ?? 0) > 0)
    .sort(
      (a, b) =>
        b.achieved - a.achieved ||
        (b.target ?? 0) - (a.target ?? 0) ||
        a.name.localeCompare(b.name),
    );
  if (busy.length <= topN) return busy;
  const rest = busy.slice(topN - 1);
  const p95s = rest.map((f) => f.p95).filter((p): p is number => p !== null);
  const folded: ScenarioFigures = {
    name: `+ ${rest.length} more`,
    target: rest.reduce((sum, f) => sum + (f.target ?? 0), 0),
    achieved: rest.reduce((sum, f) => sum + f.achieved, 0),
    // The worst of the folded ones: a fold must not hide a slow scenario.
    p95: p95s.length > 0 ? Math.max(...p95s) : null,
    errors: rest.reduce((sum, f) => sum + f.errors, 0),
  };
  return [...busy.slice(0, topN - 1), folded];
}

/** The status block of a terminal, one string per line, none wider than `width`. */
export function renderFrame(s: ProgressSnapshot, width: number, topN: number): string[] {
  const fit = (line: string) => (line.length > width ? line.slice(0, Math.max(0, width)) : line);
  const lines = [`${s.title} · ${clockPart(s)} ${bar(s, 20)}`];
  if (s.elapsed !== null) {
    const shown = topScenarios(s.scenarios, topN);
    const nameWidth = Math.max(12, ...shown.map((f) => f.name.length)) + 2;
    lines.push(row('scenario', COLUMNS, nameWidth));
    for (const f of shown) lines.push(row(f.name, cellsOf(f), nameWidth));
    const vus = s.total.vus === null ? '' : `   VUs ${s.total.vus}/${s.total.vusMax ?? '–'}`;
    lines.push(`${row('total', cellsOf(s.total), nameWidth)}${vus}`);
  }
  lines.push(
    `  requests ${count(s.requests)}${statusText(s)} · failed ${count(s.failed)} (${percent(s.failed, s.requests)}) · dropped ${count(s.dropped)}`,
  );
  return lines.map(fit);
}
