import { describe, expect, it } from 'vitest';
import { parseCookieHeader, serializeCookie } from './cookies.js';

describe('cookies', () => {
  it('parses a Cookie header; the first occurrence of a name wins', () => {
    const map = parseCookieHeader('a=1; b="two"; a=3;junk; c=');
    expect([...map]).toEqual([
      ['a', '1'],
      ['b', 'two'],
      ['c', ''],
    ]);
    expect(parseCookieHeader(undefined).size).toBe(0);
  });

  it('writes Max-Age and a matching Expires only when asked, Werkzeug attribute order', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(serializeCookie('s', 'v', { httpOnly: true, secure: false }, now)).toBe(
      's=v; HttpOnly; Path=/; SameSite=Lax',
    );
    const expires = new Date(now + 86_400_000).toUTCString();
    expect(serializeCookie('c', 'v', { httpOnly: false, secure: true, maxAge: 86400 }, now)).toBe(
      `c=v; Expires=${expires}; Max-Age=86400; Secure; Path=/; SameSite=None`,
    );
    expect(serializeCookie('s', '', { httpOnly: true, secure: false, clear: true }, now)).toBe(
      's=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/; SameSite=Lax',
    );
  });
});
