// The endpoints each step probe rotates through, from its variables: one reading for the
// script (at init) and for planScript (before rota-perf starts anything).
import { type EnvMap, readScriptEnv, type SweepScriptName } from '@rota-perf/core';
import { ENDPOINTS, PROGRESS_READ_KEYS } from './catalogue.js';

/** The endpoint keys `kind` rotates through; a malformed ENABLE_WRITE_SCENARIOS throws. */
export function probeKeys(kind: SweepScriptName, env: EnvMap): readonly string[] {
  if (kind === 'progress_probe') return PROGRESS_READ_KEYS;
  const writes = readScriptEnv(kind, env).boolean('ENABLE_WRITE_SCENARIOS');
  // The original rotated the reads plus (with writes) enrol, PUT progress and form submission.
  return ENDPOINTS.filter((e) => e.key !== 'auth_login' && (writes || e.phase !== 'write')).map(
    (e) => e.key,
  );
}
