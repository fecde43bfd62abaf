// Looking scripts up by the names users give, and their variables.
import { UsageError } from '../errors.js';
import { SCRIPTS } from './scripts.js';
import { SHARED_VARIABLES } from './shared.js';
import type { ScriptEntry, ScriptSchedule, VariableDoc } from './types.js';

/** A script's bundle name. */
export type ScriptName = (typeof SCRIPTS)[number]['name'];

/** The scripts whose schedule is a step sweep. */
export type SweepScriptName = Extract<
  (typeof SCRIPTS)[number],
  { schedule: { kind: 'sweep' } }
>['name'];

/** Every script's bundle name, in registry order. */
export const SCRIPT_NAMES: readonly ScriptName[] = SCRIPTS.map((s) => s.name);

/** The registry entry of a bundle name. */
export function scriptEntry(name: ScriptName): ScriptEntry {
  for (const s of SCRIPTS) if (s.name === name) return s;
  throw new Error(`no script named ${name} in the registry`);
}

/** A script's schedule, which must be of `kind` (anything else is a programming error). */
export function scriptSchedule<K extends ScriptSchedule['kind']>(
  name: ScriptName,
  kind: K,
): Extract<ScriptSchedule, { kind: K }> {
  const schedule = scriptEntry(name).schedule;
  if (schedule.kind !== kind)
    throw new Error(`${name}'s schedule is ${schedule.kind}, not ${kind}`);
  return schedule as Extract<ScriptSchedule, { kind: K }>;
}

/** Every name a script answers to: its name, its aliases and its bundle file name. */
export function namesOf(entry: ScriptEntry): string[] {
  return [entry.name, ...entry.aliases, `${entry.name}.test.js`];
}

/** The script a user named (`rps-probe`, `rps_probe`, `rps_probe.test.js`); UsageError otherwise. */
export function parseScriptName(text: string): ScriptName {
  for (const s of SCRIPTS) if (namesOf(s).indexOf(text) >= 0) return s.name;
  const expected = SCRIPTS.map((s) => s.aliases[0] ?? s.name).join(', ');
  throw new UsageError(`unknown script "${text}": expected one of ${expected}`);
}

/** The variables a script reads: the shared ones, then its own (its own win on a name clash). */
export function scriptVariables(name: ScriptName): VariableDoc[] {
  const own = scriptEntry(name).variables;
  const shared = SHARED_VARIABLES.filter((v) => !own.some((o) => o.name === v.name));
  return [...shared, ...own];
}

/** The documented default of a script's variable, verbatim (Markdown). */
export function documentedDefault(script: ScriptName, variable: string): string {
  for (const v of scriptVariables(script)) if (v.name === variable) return v.default;
  throw new Error(`${variable} is not a documented variable of ${script}`);
}

/**
 * The default as a plain value when it is one literal in backticks (`` `30s` `` → `30s`), else
 * undefined (a rule such as `max(1, round(TARGET_RPS/4))` is computed by the script itself).
 */
export function literalDefault(script: ScriptName, variable: string): string | undefined {
  const match = /^`([^`\s()]+)`$/.exec(documentedDefault(script, variable));
  return match?.[1];
}
