import { describe, expect, it } from 'vitest';
import { useHarness } from './test-support/harness.js';

const h = useHarness();
describe('routing quirks (Werkzeug strict slashes)', () => {
  it('redirects /trails to /trails/ with 308 keeping the query, and serves /trails/', async () => {
    const redirect = await fetch(`${h.url}/trails?page=2`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/trails/?page=2');
    const followed = await fetch(`${h.url}/trails`);
    expect(followed.status).toBe(200);
    expect(((await followed.json()) as { trails: unknown[] }).trails.length).toBeGreaterThan(0);
  });

  it('answers 404 for a trailing slash elsewhere, unknown routes, non-numeric and huge ids', async () => {
    const paths = [
      '/trails/showcase/',
      `/trails/${h.content.alpha}/`,
      '/me/',
      '/nope',
      '/trails/abc',
      '/trails/-1',
      '/trails/1.5/sections',
      '/trails/99999999999999999999999/sections',
      `/trails/${h.content.alpha}/items/abc`,
      '/trails/1%27%20OR%201=1--',
    ];
    for (const path of paths) {
      const response = await fetch(`${h.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ error: 'not_found' });
    }
  });

  it('answers 405 with Allow on a wrong method, OPTIONS automatically, HEAD on GET routes', async () => {
    // [method tried, path, a method the route does accept]
    const wrong = [
      ['DELETE', '/trails/', 'GET'],
      ['POST', `/trails/${h.content.alpha}`, 'GET'],
      ['GET', '/auth/login', 'POST'],
      ['PUT', '/auth/register', 'POST'],
      ['GET', `/trails/${h.content.alpha}/items/${h.content.doc}/progress`, 'PUT'],
      ['PATCH', '/me', 'GET'],
    ] as const;
    for (const [method, path, accepted] of wrong) {
      const response = await fetch(`${h.url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(405);
      const allow = (response.headers.get('allow') ?? '').split(/,\s*/);
      expect(allow, path).toContain(accepted);
      expect(allow, path).not.toContain(method);
    }
    const options = await fetch(`${h.url}/trails/showcase`, { method: 'OPTIONS' });
    expect(options.status).toBe(200);
    expect(options.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const head = await fetch(`${h.url}/trails/showcase`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await health.text()).toBe('');
    expect((await fetch(`${h.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });
});
