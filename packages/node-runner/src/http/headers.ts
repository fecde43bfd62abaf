// Header names repeat on every request and response: remember them (bounded, so a script
// that invents names cannot grow it without limit).
const canonical = new Map<string, string>();

/** Go's CanonicalMIMEHeaderKey: `x-csrf-token` → `X-Csrf-Token`. */
export function canonicalHeader(name: string): string {
  const known = canonical.get(name);
  if (known !== undefined) return known;
  const out = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)
    ? name
        .toLowerCase()
        .replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase())
    : name;
  if (canonical.size < 1000) canonical.set(name, out);
  return out;
}

/** Response headers as k6 shows them: canonical names, repeated headers joined with `, `. */
export function collectHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = canonicalHeader(rawHeaders[i] as string);
    const value = rawHeaders[i + 1] as string;
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}
