// A script's plan from its variables, as the script itself will compute it: its scenarios
// (timing and target rates), its phases or sweep levels on the test's clock, the total rate
// it aims at, and the values of the defaults that are rules (`WRITE_RPS` =
// max(1, round(TARGET_RPS/4)), the login pool). It reads every variable the script reads, with
// the script's own readers, so a malformed one throws here as it would at the script's init:
// the orchestrator plans before it starts a target, and uses the plan for the run record and
// live progress.

import type { BootstrapConfig } from '@rota-perf/bootstrap-auth';
import {
  type EndpointsSchedule,
  type EnvMap,
  type K6ScenarioTiming,
  type PlateauSchedule,
  type RunPhase,
  type ScriptName,
  type SweepSchedule,
  type SweepScriptName,
  scriptEntry,
} from '@rota-perf/core';
import { planSweep, readSweepConfig } from '@rota-perf/rps-sweeper';
import { ENDPOINTS } from '../catalogue.js';
import { readPerformanceConfig, readPlateauConfig } from '../env.js';
import { probeKeys } from '../probe-keys.js';
import { loginPoolSizing, readBootstrapConfig, readSummarySettings } from '../script-settings.js';
import { plateauPhases } from './plateau.js';
import { endpointRps, loadShape, performanceScenarios, plateauScenarios } from './scenarios.js';

/** One level of a sweep on the test's clock (seconds). */
export interface PlanLevel {
  scenario: string;
  targetRps: number;
  startSeconds: number;
  durationSeconds: number;
}

/** What a script will run, known before it runs. */
export interface ScriptPlan {
  scenarios: Record<string, K6ScenarioTiming>;
  /** Phases (warm-up, plateau, …) or the sweep's warm-up and levels, from the test start. */
  phases: RunPhase[];
  /** The plateau rate of all scenarios together; null for a sweep (its levels have theirs). */
  targetRps: number | null;
  levels: PlanLevel[];
  /** Effective values of the variables whose documented default is a rule. */
  computed: Record<string, string>;
}

/** The endpoints the endpoint benchmark runs with these settings. */
export function performanceEndpoints(enableWrites: boolean) {
  return ENDPOINTS.filter((e) => enableWrites || !e.optionalWrite);
}

/**
 * Plans `script` with the variables in `env`, by the kind of schedule its registry entry
 * gives; a malformed variable (its own or a shared one) throws the script's ConfigError.
 */
export function planScript(script: ScriptName, env: EnvMap): ScriptPlan {
  const schedule = scriptEntry(script).schedule;
  // handleSummary's settings: read at init by the scripts, so checked here too.
  readSummarySettings(env);
  switch (schedule.kind) {
    case 'endpoints':
      return planEndpoints(script, env, schedule);
    case 'plateau':
      return planPlateau(script, env, schedule);
    case 'sweep':
      // A sweep schedule is what makes a script a SweepScriptName.
      return planProbe(script as SweepScriptName, env, schedule);
  }
}

/**
 * The effective values of the shared variables whose documented default is not a literal. A
 * generated user is left out: the script stamps it with its own clock when it starts.
 */
function sharedComputed(config: BootstrapConfig): Record<string, string> {
  return {
    LOGIN_USER_POOL: String(config.loginUserPool),
    SESSION_COOKIE_ALIASES: config.sessionCookieAliases.join(','),
    CSRF_COOKIE_ALIASES: config.csrfCookieAliases.join(','),
    ...(config.generatedCredentials
      ? {}
      : { AUTH_EMAIL: config.credentials.email, AUTH_USERNAME: config.credentials.username }),
  };
}

function planEndpoints(script: ScriptName, env: EnvMap, schedule: EndpointsSchedule): ScriptPlan {
  const config = readPerformanceConfig(env, script);
  const bootstrap = readBootstrapConfig(env, loginPoolSizing(config));
  const endpoints = performanceEndpoints(config.enableWrites);
  const total = endpoints.reduce((sum, e) => sum + endpointRps(config, e), 0);
  return {
    scenarios: performanceScenarios(config, endpoints),
    phases: plateauPhases(loadShape(config), total),
    targetRps: total,
    levels: [],
    computed: {
      WRITE_RPS: String(config.writeRps),
      [schedule.variables.maxVUs]: String(config.maxVUs),
      ...sharedComputed(bootstrap),
    },
  };
}

function planPlateau(script: ScriptName, env: EnvMap, schedule: PlateauSchedule): ScriptPlan {
  const config = readPlateauConfig(script, env);
  const bootstrap = readBootstrapConfig(env);
  return {
    scenarios: plateauScenarios(script, config),
    phases: plateauPhases(loadShape(config), config.targetRps),
    targetRps: config.targetRps,
    levels: [],
    computed: {
      [schedule.variables.maxVUs]: String(config.maxVUs),
      ...sharedComputed(bootstrap),
    },
  };
}

function planProbe(script: SweepScriptName, env: EnvMap, schedule: SweepSchedule): ScriptPlan {
  const input = readSweepConfig(env, script);
  // The probe reads these at init too: its endpoint rotation and the bootstrap config.
  probeKeys(script, env);
  const bootstrap = readBootstrapConfig(env);
  const plan = planSweep(input);
  const names = schedule.variables;
  const levels = plan.levels.map((l) => ({ ...l }));
  const warmup = plan.scenarios.warmup;
  const phases: RunPhase[] = warmup
    ? [
        {
          name: 'warmup',
          start_seconds: 0,
          end_seconds: plan.warmupSeconds,
          target_rps: warmup.rate,
        },
      ]
    : [];
  for (const l of levels) {
    phases.push({
      name: l.scenario,
      start_seconds: l.startSeconds,
      end_seconds: l.startSeconds + l.durationSeconds,
      target_rps: l.targetRps,
    });
  }
  return {
    scenarios: plan.scenarios,
    phases,
    targetRps: null,
    levels,
    computed: {
      [names.max]: String(input.max),
      [names.maxVUs]: String(input.maxVUs),
      ...sharedComputed(bootstrap),
    },
  };
}
