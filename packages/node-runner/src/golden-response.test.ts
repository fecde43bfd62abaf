import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleMessages,
  goldenPath,
  type RunOutput,
  readGolden,
  runBin,
  startGoldenServer,
} from './test-support/harness.js';

// 01-response-shape.js under the runner, compared with what k6 v0.49 logged for the same script.
type Shape = Record<string, unknown> & { headers: Record<string, string> };

function byLabel(messages: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of messages) {
    const idx = m.indexOf(' ');
    out.set(m.slice(0, idx), m.slice(idx + 1));
  }
  return out;
}

describe('01-response-shape (k6/http response objects)', () => {
  let server: Awaited<ReturnType<typeof startGoldenServer>>;
  let result: RunOutput;
  let golden: Map<string, string>;
  let ours: Map<string, string>;

  beforeAll(async () => {
    server = await startGoldenServer();
    result = await runBin([
      'run',
      '--quiet',
      '-e',
      `BASE=${server.base}`,
      goldenPath('01-response-shape.js'),
    ]);
    const goldenText = readGolden('01-response-shape.out').replaceAll('18181', String(server.port));
    golden = byLabel(consoleMessages(goldenText));
    ours = byLabel(consoleMessages(result.stderr));
  });
  afterAll(() => server?.stop());

  it('exits 0 and logs every probe the recording has', () => {
    expect(result.code).toBe(0);
    expect([...ours.keys()].sort()).toEqual([...golden.keys()].sort());
  });

  for (const label of [
    'LOGIN',
    'ECHO_AFTER_LOGIN_JAR',
    'EXPLICIT_COOKIE_HEADER',
    'REDIRECT',
    'STATUS503',
    'REFUSED',
    'TIMEOUT',
  ]) {
    it(`${label}: same status, url, cookies, body, error codes, request echo and header names`, () => {
      const want = JSON.parse(golden.get(label) as string) as Shape;
      const got = JSON.parse(ours.get(label) as string) as Shape;
      for (const key of [
        'status',
        'url',
        'cookies',
        'body',
        'error',
        'error_code',
        'proto',
        'remote_ip',
        'remote_port',
        'timingKeys',
        'requestKeys',
        'request',
      ]) {
        expect({ key, value: got[key] }).toEqual({ key, value: want[key] });
      }
      expect(Object.keys(got.headers).sort()).toEqual(Object.keys(want.headers).sort());
      for (const [name, value] of Object.entries(want.headers)) {
        if (name !== 'Date') expect({ name, value: got.headers[name] }).toEqual({ name, value });
      }
    });
  }

  it('json(), json(selector), the jar view and the JSON parse error match', () => {
    for (const label of ['JSON', 'JAR_FOR_URL', 'JSON_PARSE_ERROR'])
      expect(ours.get(label)).toBe(golden.get(label));
  });

  it('logs failed requests as k6 warnings', () => {
    expect(result.stderr).toMatch(
      /level=warning msg="Request Failed" error=".*127\.0\.0\.1:9\/x.*connection refused/,
    );
    expect(result.stderr).toMatch(/level=warning msg="Request Failed" error=".*request timeout/);
  });
});
