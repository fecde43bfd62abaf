import { describe, expect, it } from 'vitest';
import { CookieJar, parseSetCookie } from './cookies.js';
import { canonicalHeader, collectHeaders } from './headers.js';
import { parseResponseJson, selectJson } from './json.js';

describe('headers', () => {
  it('canonicalises names like Go and joins repeated headers', () => {
    expect(['x-csrf-token', 'CONTENT-TYPE', 'x-lower-case-header'].map(canonicalHeader)).toEqual([
      'X-Csrf-Token',
      'Content-Type',
      'X-Lower-Case-Header',
    ]);
    expect(collectHeaders(['set-cookie', 'a=1', 'Set-Cookie', 'b=2', 'x-y', 'z'])).toEqual({
      'Set-Cookie': 'a=1, b=2',
      'X-Y': 'z',
    });
  });
});

describe('cookies', () => {
  it('parses Set-Cookie into k6 fields (Go zero time when no Expires)', () => {
    expect(parseSetCookie('s=v; Path=/; HttpOnly; Max-Age=60; Secure')).toEqual({
      name: 's',
      value: 'v',
      domain: '',
      path: '/',
      http_only: true,
      secure: true,
      max_age: 60,
      expires: -6795364578871,
    });
  });

  it('sends host-only cookies to the same host and matching paths, drops expired ones', () => {
    const jar = new CookieJar();
    const url = new URL('http://127.0.0.1:1/api/login');
    jar.storeFromResponse(
      url,
      ['a=1; Path=/', 'b=2', 'c=3; Path=/other', 'd=4; Max-Age=0'].map(
        (h) => parseSetCookie(h) as never,
      ),
    );
    expect(jar.cookiesFor(new URL('http://127.0.0.1:1/api/x'))).toEqual([
      { name: 'b', value: '2' },
      { name: 'a', value: '1' },
    ]);
    expect(jar.cookiesFor(new URL('http://localhost:1/api/x'))).toEqual([]);
    jar.storeFromResponse(url, [parseSetCookie('a=gone; Path=/; Max-Age=-1') as never]);
    expect(jar.cookiesFor(new URL('http://127.0.0.1:1/'))).toEqual([]);
  });
});

describe('json', () => {
  it('selects gjson-style paths', () => {
    const doc = { user: { email: 'a@b.c', tags: ['x', 'y'] } };
    expect([
      selectJson(doc, 'user.email'),
      selectJson(doc, 'user.tags.1'),
      selectJson(doc, 'user.tags.#'),
      selectJson(doc, 'user.nope'),
    ]).toEqual(['a@b.c', 'y', 2, undefined]);
  });

  it('throws k6 error texts for bodies that are not JSON or missing', () => {
    expect(() => parseResponseJson('status')).toThrow(
      "cannot parse json due to an error at line 1, character 2 , error: invalid character 's' looking for beginning of value",
    );
    expect(() => parseResponseJson(null)).toThrow(/the body is null/);
  });
});
