import { describe, expect, it } from 'vitest';
import { createRunId, maskSecrets, urlWithoutCredentials } from './run-id.js';

describe('run ids and what a record shows', () => {
  it('a run id is its UTC start to the second plus the suffix, safe in file names', () => {
    const id = createRunId(new Date(Date.UTC(2026, 11, 1, 6, 40, 12, 345)), '4f3a');
    expect(id).toBe('2026-12-01T06-40-12Z-4f3a');
  });

  it('a URL loses its user and password, and credential query parameters', () => {
    expect(urlWithoutCredentials('https://perf:s3cret@rota.example:8001/api')).toBe(
      'https://rota.example:8001/api',
    );
    expect(urlWithoutCredentials('http://127.0.0.1:8001?token=abc&x=1')).toBe(
      'http://127.0.0.1:8001?token=***&x=1',
    );
    expect(urlWithoutCredentials('not a url')).toBe('not a url');
  });

  it('secret names are masked, URL passwords too, the rest is kept and sorted', () => {
    expect(
      maskSecrets({
        TARGET_RPS: '5',
        AUTH_PASSWORD: 'PerfTest@123',
        JWT_SECRET: 'x',
        DATABASE_URL: 'postgres://perf:pw@127.0.0.1:5432/rota?sslpassword=y',
        EMPTY_TOKEN: '',
      }),
    ).toEqual({
      AUTH_PASSWORD: '***',
      DATABASE_URL: 'postgres://perf:***@127.0.0.1:5432/rota?sslpassword=***',
      EMPTY_TOKEN: '',
      JWT_SECRET: '***',
      TARGET_RPS: '5',
    });
  });
});
