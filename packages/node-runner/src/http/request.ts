import { STATUS_CODES } from 'node:http';
import { GoError } from '../errors.js';
import type { Tags } from '../metrics/registry.js';
import { getRuntime, type IterationContext } from '../runtime/state.js';
import { parseDuration } from '../util/duration.js';
import { logLine } from '../util/logfmt.js';
import { type CookieJar, parseSetCookie, type ResponseCookie } from './cookies.js';
import { type Exchange, errorCodeOf } from './exchange.js';
import { canonicalHeader, collectHeaders } from './headers.js';
import { emitMetrics } from './metrics.js';
import { K6Response, type RequestEcho } from './response.js';
import { exchange } from './transport.js';

/** The `params` argument of `http.asyncRequest`. */
export interface RequestParams {
  headers?: Record<string, unknown>;
  tags?: Record<string, unknown>;
  timeout?: string | number;
  redirects?: number;
  responseType?: 'text' | 'binary' | 'none';
  cookies?: Record<string, unknown>;
  jar?: { readonly jar: CookieJar } | null;
}

function encodeBody(body: unknown, headers: Record<string, string>): Buffer | null {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'object') {
    // k6 form-encodes plain objects.
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) form.append(k, String(v));
    return Buffer.from(form.toString(), 'utf8');
  }
  return Buffer.from(String(body), 'utf8');
}

/** Appends to the list under `key`, creating it. */
export function appendTo<T>(map: Record<string, T[]>, key: string, value: T): void {
  const list = map[key];
  if (list) list.push(value);
  else map[key] = [value];
}

function echoHeaders(headers: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k in headers) out[k] = [headers[k] as string];
  return out;
}

function goMethod(method: string): string {
  return method.charAt(0) + method.slice(1).toLowerCase();
}

interface PreparedCookies {
  header: string;
  /** null when nothing is sent: the caller gives the echo its own empty object. */
  echo: RequestEcho['cookies'] | null;
}

const NO_COOKIES: PreparedCookies = { header: '', echo: null };
// Requests without custom tags (most) share one empty, never modified, tags object.
const NO_TAGS: Tags = Object.freeze({}) as Tags;

function prepareCookies(
  explicit: string | undefined,
  paramCookies: Record<string, unknown> | undefined,
  jar: CookieJar | undefined,
  url: URL,
): PreparedCookies {
  // The common case (no Cookie header, no params.cookies, an empty jar) needs no work.
  if (!explicit && !paramCookies && jar?.isEmpty() !== false) return NO_COOKIES;
  const echo: RequestEcho['cookies'] = {};
  const pairs: string[] = [];
  const add = (name: string, value: string, replace: boolean) => {
    appendTo(echo, name, { name, value, replace });
    pairs.push(`${name}=${value}`);
  };
  if (explicit) {
    for (const part of explicit.split(';')) {
      const i = part.indexOf('=');
      if (i > 0) add(part.slice(0, i).trim(), part.slice(i + 1).trim(), false);
    }
  }
  const replaced = new Set<string>();
  const fromParams: [string, string, boolean][] = [];
  for (const [name, v] of Object.entries(paramCookies ?? {})) {
    const obj =
      v !== null && typeof v === 'object' ? (v as { value?: unknown; replace?: unknown }) : null;
    const replace = obj?.replace === true;
    if (replace) replaced.add(name);
    fromParams.push([name, String(obj ? obj.value : v), replace]);
  }
  for (const c of jar?.cookiesFor(url) ?? [])
    if (!replaced.has(c.name)) add(c.name, c.value, false);
  for (const [name, value, replace] of fromParams) add(name, value, replace);
  return { header: pairs.join('; '), echo };
}

// Scripts request the same few URLs over and over, and parsing was a visible part of each
// request's cost. The URL objects are shared, so nothing here may modify them.
const parsed = new Map<string, URL>();

function parseTarget(url: string): URL {
  const known = parsed.get(url);
  if (known) return known;
  let target: URL;
  try {
    target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new GoError(
      `invalid URL ${JSON.stringify(url)}: expected an absolute http:// or https:// URL`,
    );
  }
  if (parsed.size >= 10_000) parsed.clear();
  parsed.set(url, target);
  return target;
}

/** `http.asyncRequest(…)` for the VU code in `ctx`: follows redirects, records k6's HTTP metrics. */
export async function request(
  ctx: IterationContext | undefined,
  method: string,
  url: unknown,
  body?: unknown,
  params?: RequestParams,
): Promise<K6Response> {
  if (!ctx) throw new GoError('http requests are only possible while the script runs');
  const rt = getRuntime();
  let target = parseTarget(String(url));
  let m = String(method).toUpperCase();
  const p = params ?? {};
  const headers: Record<string, string> = { 'User-Agent': rt.userAgent };
  const given = p.headers;
  if (given)
    for (const k in given) {
      const v = given[k];
      if (v !== undefined && v !== null) headers[canonicalHeader(k)] = String(v);
    }
  if (target.username && !headers.Authorization) {
    const cred = `${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`;
    headers.Authorization = `Basic ${Buffer.from(cred).toString('base64')}`;
  }
  let payload = encodeBody(body, headers);
  const explicitCookie = headers.Cookie;
  delete headers.Cookie;
  const jar = p.jar === null ? undefined : (p.jar?.jar ?? ctx.vu.jar);
  const timeoutMs =
    p.timeout === undefined ? 60_000 : parseDuration(p.timeout, 'the request timeout');
  let redirectsLeft = typeof p.redirects === 'number' ? p.redirects : rt.maxRedirects;
  const tagParams = p.tags;
  let customTags = NO_TAGS;
  if (tagParams) {
    customTags = {};
    for (const k in tagParams) customTags[k] = String(tagParams[k]);
  }

  let echo: RequestEcho | undefined;
  let ex: Exchange;
  for (;;) {
    const cookies = prepareCookies(explicitCookie, p.cookies, jar, target);
    const sendHeaders = cookies.header ? { ...headers, Cookie: cookies.header } : headers;
    echo ??= {
      method: m,
      url: target.href,
      headers: echoHeaders(sendHeaders),
      body: payload ? payload.toString('utf8') : '',
      cookies: cookies.echo ?? {},
    };
    ex = await exchange(ctx.vu, {
      method: m,
      url: target,
      headers: sendHeaders,
      body: payload,
      timeoutMs,
      insecure: rt.insecureSkipTLSVerify,
    });
    if (jar && ex.setCookies.length > 0)
      jar.storeFromResponse(
        target,
        ex.setCookies.map(parseSetCookie).filter((c): c is ResponseCookie => c !== null),
      );
    emitMetrics(ctx, ex, m, target, customTags);
    const location =
      ex.status >= 300 && ex.status < 400 ? collectHeaders(ex.rawHeaders).Location : undefined;
    if (ex.status >= 300 && ex.status < 400 && location && redirectsLeft > 0) {
      redirectsLeft--;
      target = new URL(location, target);
      if (
        ex.status === 303 ||
        ((ex.status === 301 || ex.status === 302) && m !== 'GET' && m !== 'HEAD')
      ) {
        m = m === 'HEAD' ? 'HEAD' : 'GET';
        payload = null;
        delete headers['Content-Type'];
      }
      continue;
    }
    break;
  }
  return buildResponse(
    ex,
    target,
    echo,
    p.responseType ?? (rt.discardResponseBodies ? 'none' : 'text'),
  );
}

// `200 OK`, `404 Not Found` …: built once per status code.
const statusTexts = new Map<number, string>();

function statusText(status: number): string {
  if (status === 0) return '';
  let text = statusTexts.get(status);
  if (text === undefined) {
    text = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
    statusTexts.set(status, text);
  }
  return text;
}

function buildResponse(
  ex: Exchange,
  url: URL,
  echo: RequestEcho,
  responseType: string,
): K6Response {
  let body: string | ArrayBuffer | null = null;
  if (ex.body && ex.status !== 0) {
    if (responseType === 'binary') body = new Uint8Array(ex.body).buffer;
    else if (responseType !== 'none') body = ex.body.toString('utf8');
  }
  const cookies: K6Response['cookies'] = {};
  for (const header of ex.setCookies) {
    const c = parseSetCookie(header);
    if (c) appendTo(cookies, c.name, c);
  }
  const res = new K6Response({
    status: ex.status,
    status_text: statusText(ex.status),
    proto: ex.proto,
    url: url.href,
    headers: collectHeaders(ex.rawHeaders),
    cookies,
    body,
    timings: ex.timings,
    error: ex.error,
    error_code: errorCodeOf(ex),
    remote_ip: ex.remoteIp,
    remote_port: ex.remotePort,
    request: echo,
  });
  if (ex.status === 0) {
    logLine('warning', 'Request Failed', {
      error: `${goMethod(echo.method)} "${echo.url}": ${ex.error}`,
    });
  }
  return res;
}
