// The request head as Go's net/http writes it for HTTP/1.1: Host first, the script's headers,
// and Content-Length for a body (0 for POST/PUT/PATCH without one).

// Framing and hop-by-hop headers are the client's business (Go manages them too): a script's
// values stay in the request echo but are not sent.
const MANAGED = new Set([
  'Host',
  'Transfer-Encoding',
  'Keep-Alive',
  'Upgrade',
  'Expect',
  'Content-Length',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters Go refuses in values
const CONTROL = /[\0-\x08\n-\x1f\x7f]/;
const validNames = new Set<string>();

/** A header Go refuses to send (k6 reports it as the request's error). */
export class InvalidHeaderError extends Error {}

function checkName(name: string): void {
  if (validNames.has(name)) return;
  if (!TOKEN.test(name))
    throw new InvalidHeaderError(`net/http: invalid header field name ${JSON.stringify(name)}`);
  if (validNames.size < 1000) validNames.add(name);
}

/** The request line and headers, ending with the empty line. Throws InvalidHeaderError. */
export function requestHead(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: Buffer | null,
): string {
  let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${headers.Host ?? url.host}\r\n`;
  for (const name in headers) {
    if (MANAGED.has(name)) continue;
    const value = headers[name] as string;
    checkName(name);
    if (CONTROL.test(value))
      throw new InvalidHeaderError(
        `net/http: invalid header field value for ${JSON.stringify(name)}`,
      );
    head += `${name}: ${value}\r\n`;
  }
  if (body && body.length > 0) head += `Content-Length: ${body.length}\r\n`;
  else if (method === 'POST' || method === 'PUT' || method === 'PATCH')
    head += 'Content-Length: 0\r\n';
  return `${head}\r\n`;
}
