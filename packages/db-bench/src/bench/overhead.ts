import { defineCase } from '../harness/define-case.js';
import { runBenchmark } from '../harness/run-benchmark.js';
import { median } from './median.js';

/** Harness vs bare loop for one query, over several alternating rounds. */
export interface OverheadFigures {
  label: string;
  calls: number;
  rounds: number;
  /** Median wall time of the bare loop, ms. */
  bareMs: number;
  /** Median wall time of the same calls run by runBenchmark, ms. */
  harnessMs: number;
  /** Median of per-round harness/bare ratios, minus 1 (0.01 = 1 % slower). */
  overhead: number;
  /** Median of per-round ratios of the harness's measured total to the bare loop's time. */
  measuredOverhead: number;
  /** Median extra wall time per call, microseconds. */
  perCallUs: number;
}

/**
 * Times `calls` calls of `query` in a bare `for … await` loop and through runBenchmark,
 * alternating which goes first each round so drift and noise hit both sides alike.
 */
export async function measureOverhead(
  label: string,
  query: () => Promise<unknown>,
  calls: number,
  rounds: number,
): Promise<OverheadFigures> {
  const benchCase = defineCase(label, query);
  const bare = async () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) await query();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const harness = async () => {
    const t0 = process.hrtime.bigint();
    const report = await runBenchmark([benchCase], { iterations: calls, warmup: 0 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    return { wall, measured: (report.results[0]?.total_time ?? 0) * 1000 };
  };
  for (let i = 0; i < Math.min(calls, 200); i++) await query(); // warm the pool and caches
  const bareTimes: number[] = [];
  const harnessTimes: number[] = [];
  const ratios: number[] = [];
  const extraUs: number[] = [];
  const measuredRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let b: number;
    let h: { wall: number; measured: number };
    if (round % 2 === 0) {
      b = await bare();
      h = await harness();
    } else {
      h = await harness();
      b = await bare();
    }
    bareTimes.push(b);
    harnessTimes.push(h.wall);
    ratios.push(h.wall / b);
    extraUs.push(((h.wall - b) * 1000) / calls);
    measuredRatios.push(h.measured / b);
  }
  return {
    label,
    calls,
    rounds,
    bareMs: median(bareTimes),
    harnessMs: median(harnessTimes),
    overhead: median(ratios) - 1,
    measuredOverhead: median(measuredRatios) - 1,
    perCallUs: median(extraUs),
  };
}
