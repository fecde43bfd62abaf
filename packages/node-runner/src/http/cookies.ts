/** A cookie as k6 lists it in `response.cookies`. */
export interface ResponseCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  http_only: boolean;
  secure: boolean;
  max_age: number;
  expires: number;
}

interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  expiresAt: number;
  seq: number;
}

// Go's zero time.Time in Unix milliseconds: what k6 reports for a cookie without Expires.
const GO_ZERO_TIME_MS = -6795364578871;

/** Parses one Set-Cookie header value into k6's response cookie shape. */
export function parseSetCookie(header: string): ResponseCookie | null {
  const [pair, ...attrs] = header.split(';');
  const eq = pair?.indexOf('=') ?? -1;
  if (!pair || eq <= 0) return null;
  const cookie: ResponseCookie = {
    name: pair.slice(0, eq).trim(),
    value: pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1'),
    domain: '',
    path: '',
    http_only: false,
    secure: false,
    max_age: 0,
    expires: GO_ZERO_TIME_MS,
  };
  for (const attr of attrs) {
    const i = attr.indexOf('=');
    const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
    const val = i < 0 ? '' : attr.slice(i + 1).trim();
    if (key === 'domain') cookie.domain = val.replace(/^\./, '').toLowerCase();
    else if (key === 'path') cookie.path = val;
    else if (key === 'httponly') cookie.http_only = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'max-age' && /^-?\d+$/.test(val))
      cookie.max_age = Number(val) <= 0 ? -1 : Number(val);
    else if (key === 'expires') {
      const t = Date.parse(val);
      if (!Number.isNaN(t)) cookie.expires = t;
    }
  }
  return cookie;
}

function defaultPath(pathname: string): string {
  const idx = pathname.lastIndexOf('/');
  return idx <= 0 ? '/' : pathname.slice(0, idx);
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** A per-VU cookie jar with Go cookiejar semantics (host-only cookies, path match, expiry). */
export class CookieJar {
  private cookies: StoredCookie[] = [];
  private seq = 0;

  /** Stores the cookies a response set for `url`. */
  storeFromResponse(url: URL, cookies: readonly ResponseCookie[]): void {
    for (const c of cookies) this.store(url, c);
  }

  private store(url: URL, c: ResponseCookie): void {
    const host = url.hostname.toLowerCase();
    const domain = c.domain || host;
    if (c.domain && !(host === domain || host.endsWith(`.${domain}`))) return;
    const path = c.path.startsWith('/') ? c.path : defaultPath(url.pathname);
    const now = Date.now();
    let expiresAt = Number.POSITIVE_INFINITY;
    if (c.max_age > 0) expiresAt = now + c.max_age * 1000;
    else if (c.max_age < 0) expiresAt = 0;
    else if (c.expires !== GO_ZERO_TIME_MS) expiresAt = c.expires;
    const idx = this.cookies.findIndex(
      (x) => x.name === c.name && x.domain === domain && x.path === path,
    );
    if (expiresAt <= now) {
      if (idx >= 0) this.cookies.splice(idx, 1);
      return;
    }
    const stored: StoredCookie = {
      name: c.name,
      value: c.value,
      domain,
      hostOnly: !c.domain,
      path,
      secure: c.secure,
      expiresAt,
      seq: idx >= 0 ? (this.cookies[idx] as StoredCookie).seq : this.seq++,
    };
    if (idx >= 0) this.cookies[idx] = stored;
    else this.cookies.push(stored);
  }

  /** True when the jar holds no cookie at all (expired ones included). */
  isEmpty(): boolean {
    return this.cookies.length === 0;
  }

  /** Cookies to send to `url`, longest path first then oldest first (as Go's jar). */
  cookiesFor(url: URL): { name: string; value: string }[] {
    if (this.cookies.length === 0) return [];
    const host = url.hostname.toLowerCase();
    const now = Date.now();
    this.cookies = this.cookies.filter((c) => c.expiresAt > now);
    return this.cookies
      .filter(
        (c) =>
          (c.hostOnly ? host === c.domain : host === c.domain || host.endsWith(`.${c.domain}`)) &&
          pathMatches(c.path, url.pathname || '/') &&
          (!c.secure || url.protocol === 'https:'),
      )
      .sort((a, b) => b.path.length - a.path.length || a.seq - b.seq)
      .map((c) => ({ name: c.name, value: c.value }));
  }

  /** `jar.set(url, name, value, options)` of k6. */
  set(url: URL, name: string, value: string, opts: Record<string, unknown> = {}): void {
    this.store(url, {
      name,
      value,
      domain: typeof opts.domain === 'string' ? opts.domain : '',
      path: typeof opts.path === 'string' ? opts.path : '/',
      http_only: opts.http_only === true,
      secure: opts.secure === true,
      max_age: typeof opts.max_age === 'number' ? opts.max_age : 0,
      expires: typeof opts.expires === 'string' ? Date.parse(opts.expires) : GO_ZERO_TIME_MS,
    });
  }

  /** Removes the cookies that would be sent to `url` (optionally only `name`). */
  remove(url: URL, name?: string): void {
    const sent = new Set(this.cookiesFor(url).map((c) => c.name));
    this.cookies = this.cookies.filter(
      (c) => !(sent.has(c.name) && (name === undefined || c.name === name)),
    );
  }
}
