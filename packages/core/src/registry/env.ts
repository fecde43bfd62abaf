// Reading a script's variables with the registry's defaults, so a script cannot read a
// variable the README does not document, nor use a default other than the documented one.
import { durationSeconds } from '../duration.js';
import {
  type EnvMap,
  type NumberRule,
  readBoolean,
  readDuration,
  readNumber,
  readRaw,
  readTolerance,
} from '../env.js';
import { documentedDefault, literalDefault, type ScriptName } from './lookup.js';

/** Readers bound to one script's env map; a default given explicitly replaces a documented rule. */
export interface ScriptEnv {
  raw(name: string): string | undefined;
  number(name: string, rule?: NumberRule, fallback?: number): number;
  boolean(name: string): boolean;
  tolerance(name: string): number;
  /** Seconds. */
  duration(name: string): number;
}

/** The readers of `script`'s variables over `env` (`__ENV` in k6). */
export function readScriptEnv(script: ScriptName, env: EnvMap): ScriptEnv {
  const literal = (name: string, check: (text: string) => boolean): string => {
    const text = literalDefault(script, name);
    if (text === undefined || !check(text)) {
      throw new Error(
        `${name} of ${script}: the documented default ${documentedDefault(script, name)} is not a literal this reader can use; pass the computed default`,
      );
    }
    return text;
  };
  const isNumber = (t: string) => t.trim() !== '' && Number.isFinite(Number(t));
  return {
    raw: (name) => {
      documentedDefault(script, name);
      return readRaw(env, name);
    },
    number: (name, rule = {}, fallback) => {
      const given = fallback === undefined ? Number(literal(name, isNumber)) : fallback;
      documentedDefault(script, name);
      return readNumber(env, name, given, rule);
    },
    boolean: (name) =>
      readBoolean(env, name, literal(name, (t) => t === 'true' || t === 'false') === 'true'),
    tolerance: (name) => readTolerance(env, name, Number(literal(name, isNumber))),
    duration: (name) =>
      readDuration(
        env,
        name,
        literal(name, (t) => durationSeconds(t) !== null),
      ),
  };
}
