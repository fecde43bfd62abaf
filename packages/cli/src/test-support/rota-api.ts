import { type StartedRotaApi, startRotaApi } from '@rota-perf/rota-api';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers beforeAll/afterAll that start the reference API on the `small` fixture, apart from
 * the command under test, and stop it. The returned object is empty until beforeAll has run.
 */
export function useRotaApi(): StartedRotaApi {
  const api = {} as StartedRotaApi;
  beforeAll(async () => {
    Object.assign(api, await startRotaApi({ fixture: 'small' }));
  });
  afterAll(async () => {
    await api.stop?.();
  });
  return api;
}
