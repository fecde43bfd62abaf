// Live progress while an engine runs: on a terminal a status block on stderr redrawn every
// second, in a log a heartbeat line every N seconds, and one line per finished sweep level;
// `-q` shows neither. Lines the orchestrator prints meanwhile go above the block, so the two
// never overwrite each other; the engine itself runs quiet (its own progress would fight).
import type { CommandIo, ProgressStream } from '@rota-perf/core';
import type { FinishedSecond } from '@rota-perf/core/series';
import type { ProgressModel } from './model.js';
import { renderFrame, renderHeartbeat, renderLevel } from './render.js';

/** How progress is shown. */
export type ProgressMode = 'tty' | 'lines' | 'off';

/** `off` with -q, the block when stderr is a terminal, else heartbeat lines. */
export function progressMode(quiet: boolean, io: Pick<CommandIo, 'progress'>): ProgressMode {
  if (quiet) return 'off';
  return io.progress?.isTTY ? 'tty' : 'lines';
}

/** Options of a display. */
export interface ProgressDisplayOptions {
  mode: ProgressMode;
  /** Seconds between heartbeat lines (`--progress-interval`). */
  heartbeatSeconds: number;
  /** Scenario rows before the rest are folded into one. */
  topN?: number;
  now?: () => number;
}

const REDRAW_MS = 1000;

/** Draws a ProgressModel live; `stop()` leaves the terminal as it was, block erased. */
export class ProgressDisplay {
  private drawn = 0;
  private timer: NodeJS.Timeout | null = null;
  private released = false;
  private readonly now: () => number;
  private readonly stream: ProgressStream | undefined;

  constructor(
    private readonly model: ProgressModel,
    private readonly io: Pick<CommandIo, 'out' | 'err' | 'progress'>,
    private readonly options: ProgressDisplayOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.stream = io.progress;
  }

  /** The engine starts now: starts the redraw (terminal) or heartbeat (log) timer. */
  start(): void {
    this.model.launch(this.now());
    if (this.options.mode === 'off' || this.timer !== null) return;
    const every = this.options.mode === 'tty' ? REDRAW_MS : this.options.heartbeatSeconds * 1000;
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
    this.redraw();
  }

  /** The test started at `startMs` (the series' bucket 0). */
  testStarted(startMs: number): void {
    if (!this.model.started) this.model.start(startMs);
  }

  /** One finished second of the series. */
  addSecond(second: FinishedSecond): void {
    this.model.addSecond(second);
    this.printLevels(false);
    this.redraw();
  }

  /** A line of the orchestrator while the block may be drawn: it goes above the block. */
  println(line: string, channel: 'out' | 'err' = 'out'): void {
    this.erase();
    this.io[channel](line);
    this.redraw();
  }

  /**
   * The test's planned end: the block gives way for good (its last figures stay as one line),
   * so an engine that prints its summary on the terminal cannot garble it.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (this.options.mode === 'tty') {
      this.erase();
      this.io.err(renderHeartbeat(this.model.snapshot(this.now())));
    }
  }

  /** Stops the timers, erases the block and prints the levels not yet printed. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.release();
    this.printLevels(true);
  }

  private tick(): void {
    if (this.options.mode === 'lines') {
      this.io.err(renderHeartbeat(this.model.snapshot(this.now())));
      return;
    }
    const s = this.model.snapshot(this.now());
    // Past the planned end the engine may print its summary any moment: the block gives way.
    if (s.elapsed !== null && s.elapsed >= s.totalSeconds + 1) this.release();
    else this.redraw();
  }

  private printLevels(all: boolean): void {
    // Without the test's seconds a level's verdict would be made of nothing.
    if (this.options.mode === 'off' || !this.model.started) return;
    for (const level of this.model.takeFinishedLevels(all)) this.println(renderLevel(level), 'err');
  }

  private redraw(): void {
    if (this.options.mode !== 'tty' || this.released || this.stream === undefined) return;
    // One column short of the width: a full line would wrap on some terminals and break the
    // line count the next redraw moves up by.
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    const lines = renderFrame(this.model.snapshot(this.now()), width, this.options.topN ?? 8);
    // One write per frame (erase and draw together): no flicker.
    this.stream.write(`${this.eraseCodes()}${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }

  private erase(): void {
    const codes = this.eraseCodes();
    if (codes !== '' && this.stream !== undefined) this.stream.write(codes);
  }

  /** Cursor up over the drawn block, to the line start, clear to the end of the screen. */
  private eraseCodes(): string {
    const codes = this.drawn === 0 ? '' : `\x1b[${this.drawn}A\r\x1b[J`;
    this.drawn = 0;
    return codes;
  }
}
