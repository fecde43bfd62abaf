import { countRows } from './count-rows.js';

/** Runs one timed call inside whatever must surround it untimed (e.g. a rolled-back transaction). */
export type CaseWrapper<S> = (timed: (scope: S) => Promise<void>) => Promise<void>;

/** Options of a benchmark case. */
export interface CaseOptions<S> {
  /** Context fields the case needs; when one is null/undefined the case is skipped. */
  requires?: readonly string[];
  /** A write case: it only runs when writes are included. */
  writes?: boolean;
  /** Rows a call's result stands for; defaults to the original benchmark's rule. */
  countRows?: (result: unknown) => number;
  /** Surrounds every call outside the timer; it must call `timed` exactly once. */
  around?: CaseWrapper<S>;
}

/** A named, timed unit of work as the harness runs it. */
export interface BenchCase {
  readonly name: string;
  readonly requires: readonly string[];
  readonly writes: boolean;
  readonly countRows: (result: unknown) => number;
  readonly run: (scope: unknown) => unknown;
  readonly around: CaseWrapper<unknown> | undefined;
}

/**
 * Declares a case. `fn` is the only thing timed; it gets the scope that `around` hands it
 * (a transaction, a connection...) or undefined when there is no wrapper.
 */
export function defineCase<S = undefined>(
  name: string,
  fn: (scope: S) => unknown,
  options: CaseOptions<S> = {},
): BenchCase {
  if (name.trim() === '') throw new TypeError('defineCase: the case name must not be empty');
  return {
    name,
    requires: options.requires ?? [],
    writes: options.writes ?? false,
    countRows: options.countRows ?? countRows,
    run: fn as (scope: unknown) => unknown,
    around: options.around as CaseWrapper<unknown> | undefined,
  };
}
