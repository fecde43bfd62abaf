// INSECURE_SKIP_TLS_VERIFY is read twice: by bootstrap-auth's configFromEnv (its own reader,
// so its core stays free of imports) and by the scenarios through rps-sweeper's readBoolean.
// Both must accept the same spellings and reject the same values with the same line.
import { configFromEnv } from '@rota-perf/bootstrap-auth';
import { readBoolean } from '@rota-perf/rps-sweeper';
import { describe, expect, it } from 'vitest';

const NAME = 'INSECURE_SKIP_TLS_VERIFY';
const ACCEPTED = ['true', 'TRUE', ' yes ', 'On', '1', 'false', 'False', 'no', 'OFF', '0', '', '  '];
const REJECTED = ['maybe', '2', 'y', 'truthy', 'say "no"'];

function outcome(read: () => boolean): { value?: boolean; error?: string } {
  try {
    return { value: read() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('bootstrap-auth and rps-sweeper read booleans alike', () => {
  it.each([...ACCEPTED, ...REJECTED, undefined])('%j', (raw) => {
    const env = { [NAME]: raw };
    const viaSweeper = outcome(() => readBoolean(env, NAME, true));
    const viaBootstrap = outcome(() => configFromEnv(env).insecureSkipTlsVerify);
    expect(viaBootstrap).toEqual(viaSweeper);
    if (raw !== undefined && REJECTED.includes(raw)) {
      expect(viaSweeper.error).toBe(
        `${NAME} must be true or false, got ${JSON.stringify(raw.trim())}`,
      );
    } else expect(typeof viaSweeper.value).toBe('boolean');
  });
});
