// `--pattern` text: a plain substring of the command line, or `/regex/flags`.
import { UsageError } from '@rota-perf/core';

/** Tests a full command line. */
export type CommandMatcher = (command: string) => boolean;

/** Turns pattern text (or a RegExp) into a command-line matcher; throws UsageError. */
export function compilePattern(pattern: string | RegExp): CommandMatcher {
  if (pattern instanceof RegExp) {
    // A global/sticky regex keeps lastIndex between calls, which would skip matches.
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return (command) => re.test(command);
  }
  if (pattern.trim() === '') {
    throw new UsageError('--pattern is empty: expected text or /regex/');
  }
  const regexText = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (!regexText) return (command) => command.includes(pattern);
  const [, source, flags] = regexText as unknown as [string, string, string];
  let re: RegExp;
  try {
    re = new RegExp(source, flags.replace(/[gy]/g, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--pattern ${pattern} is not a valid regex: ${reason}`);
  }
  return (command) => re.test(command);
}
