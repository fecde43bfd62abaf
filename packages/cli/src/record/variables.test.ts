// The variables run.json records: effective values where the run knows them.
import { planScript } from '@rota-perf/k6-scenarios';
import { describe, expect, it } from 'vitest';
import { effectiveVariables } from './variables.js';

describe('effectiveVariables', () => {
  it('records the computed login pool and the cookie aliases, not the README text', () => {
    const given = { TARGET_RPS: '40' };
    const vars = effectiveVariables(
      'performance',
      given,
      planScript('performance', given).computed,
    );
    expect(vars).toMatchObject({
      TARGET_RPS: '40',
      WRITE_RPS: '10',
      LOGIN_USER_POOL: '61',
      SESSION_COOKIE_ALIASES: '',
      CSRF_COOKIE_ALIASES: '',
      AUTH_PASSWORD: '***',
    });
  });

  it('a given email gives the username it implies', () => {
    const given = { AUTH_EMAIL: 'ana@example.com', LOGIN_USER_POOL: '2' };
    const vars = effectiveVariables('rps_probe', given, planScript('rps_probe', given).computed);
    expect(vars).toMatchObject({
      AUTH_EMAIL: 'ana@example.com',
      AUTH_USERNAME: 'ana',
      LOGIN_USER_POOL: '2',
    });
  });
});
