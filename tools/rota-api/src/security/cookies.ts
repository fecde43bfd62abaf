/** Attributes of a Set-Cookie header as the original (Werkzeug) writes them. */
export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; when set, Max-Age and a matching Expires are written. */
  maxAge?: number;
  /** Writes an expired cookie (logout). */
  clear?: boolean;
}

/** Parses a Cookie request header; the first occurrence of a name wins, as in Werkzeug. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    if (name !== '' && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** Formats one Set-Cookie value in Werkzeug's attribute order. */
export function serializeCookie(
  name: string,
  value: string,
  options: CookieOptions,
  nowMs: number,
): string {
  const parts = [`${name}=${value}`];
  if (options.clear) {
    parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'Max-Age=0');
  } else if (options.maxAge !== undefined) {
    parts.push(`Expires=${new Date(nowMs + options.maxAge * 1000).toUTCString()}`);
    parts.push(`Max-Age=${options.maxAge}`);
  }
  if (options.secure) parts.push('Secure');
  if (options.httpOnly) parts.push('HttpOnly');
  parts.push('Path=/');
  parts.push(`SameSite=${options.secure ? 'None' : 'Lax'}`);
  return parts.join('; ');
}
