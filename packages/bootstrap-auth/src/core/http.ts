import { REQUEST_NAMES, type RequestKey } from '@rota-perf/core';
import { BootstrapError } from './errors.js';
import type { HttpClient, HttpResponse, RequestOptions } from './types.js';

const EXCERPT_LENGTH = 160;

/** One request of the bootstrap; tags mark it as setup traffic in k6 metrics. */
export interface SetupRequest {
  method: string;
  baseUrl: string;
  path: string;
  /** The Rota request it is: its route template becomes the k6 `name` tag. */
  route: RequestKey;
  body?: unknown;
  headers?: Record<string, string>;
  step: string;
  expectedStatuses?: number[];
}

/** Sends a setup request; a transport failure becomes a BootstrapError naming BASE_URL. */
export async function send(client: HttpClient, request: SetupRequest): Promise<HttpResponse> {
  const url = request.baseUrl + request.path;
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  let body: string | null = null;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['Content-Type'] = 'application/json';
  }
  // The `name` tag groups the samples by route (k6 sets the `url` tag to it too): the raw URL
  // would carry the port and the ids into every metric, series row and report line.
  const tags = { phase: 'setup', setup_step: request.step, name: REQUEST_NAMES[request.route] };
  const options: RequestOptions = { tags };
  if (request.expectedStatuses) options.expectedStatuses = request.expectedStatuses;
  let response: HttpResponse;
  try {
    response = await client.request(request.method, url, body, headers, options);
  } catch (error) {
    throw unreachable(request.baseUrl, `${request.method} ${url}`, String(error));
  }
  if (response.status === 0) {
    throw unreachable(request.baseUrl, `${request.method} ${url}`, response.error ?? 'no response');
  }
  return response;
}

/** Error for a status the bootstrap cannot continue from: URL, status, short body excerpt. */
export function unexpectedStatus(
  method: string,
  url: string,
  response: HttpResponse,
  context = '',
): BootstrapError {
  const excerpt = bodyExcerpt(response.body);
  const retry = response.status === 429 ? retryAfterNote(response) : '';
  const suffix = excerpt === '' ? '(empty body)' : `body: ${excerpt}`;
  return new BootstrapError(
    `${method} ${url} returned ${response.status}${context}${retry}; ${suffix}`,
  );
}

/** Parses a JSON body; null when there is none or it is not JSON. */
export function parseJson(body: string | null): unknown {
  if (body === null || body === '') return null;
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** A short single-line excerpt of a body: HTML tags dropped, whitespace collapsed. */
export function bodyExcerpt(body: string | null): string {
  if (body === null) return '';
  const text = body
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

// Tells the transport failures apart: a server that answered (TLS to a plain-HTTP port, HTTP to a
// TLS port, bytes that are not HTTP, a closed connection) is never "nothing is listening". Node's
// and Go's (k6's) wordings are both recognised; the detail is kept, on one line.
const TRANSPORT_KINDS: [RegExp, (base: string) => string][] = [
  [
    /wrong version number|first record does not look like a tls handshake|packet length too long|server gave http response to https client/i,
    (base) =>
      `BASE_URL ${base} answered plain HTTP, not TLS: use ${base.replace(/^https:/i, 'http:')}`,
  ],
  [
    /certificate|x509|self[- ]signed|unable to verify/i,
    (base) =>
      `TLS handshake with BASE_URL ${base} failed: certificate not trusted; set INSECURE_SKIP_TLS_VERIFY=true for self-signed certificates`,
  ],
  [
    /malformed http response "\\x15|\\x15\\x03/i,
    (base) =>
      `BASE_URL ${base} answered TLS, not plain HTTP: use ${base.replace(/^http:/i, 'https:')}`,
  ],
  [/tls|ssl|eproto/i, (base) => `TLS handshake with BASE_URL ${base} failed`],
  [/refused/i, (base) => `cannot reach BASE_URL ${base}: nothing is listening there`],
  [
    /enotfound|eai_again|no such host|getaddrinfo/i,
    (base) => `cannot reach BASE_URL ${base}: unknown host "${hostOf(base)}"`,
  ],
  [/timeout|timed out/i, (base) => `BASE_URL ${base} did not answer in time`],
  [
    /parse error|malformed http|hpe_|invalid http/i,
    (base) => `BASE_URL ${base} answered something that is not HTTP`,
  ],
  [
    /econnreset|socket hang up|\beof\b|connection reset|closed/i,
    (base) =>
      `BASE_URL ${base} closed the connection without an HTTP answer${/^http:/i.test(base) ? `; if it serves HTTPS, use ${base.replace(/^http:/i, 'https:')}` : ''}`,
  ],
];

// The host of a URL without URL (k6 has no such global): between '://' and the port or path.
function hostOf(base: string): string {
  const afterScheme = base.replace(/^[a-z]+:\/\//i, '');
  return afterScheme.replace(/^\[([^\]]*)\].*$/, '$1').replace(/[:/?#].*$/, '');
}

function unreachable(baseUrl: string, what: string, detail: string): BootstrapError {
  const oneLine = detail.replace(/\s+/g, ' ').trim();
  const kind = TRANSPORT_KINDS.find(([pattern]) => pattern.test(oneLine));
  const headline = kind ? kind[1](baseUrl) : `cannot reach BASE_URL ${baseUrl}`;
  // The hint (if any) ends the headline; the detail goes in between, so it is printed once.
  const at = headline.indexOf('; ');
  const [lead, hint] = at < 0 ? [headline, ''] : [headline.slice(0, at), headline.slice(at)];
  return new BootstrapError(`${lead} (${what}: ${oneLine})${hint}`);
}

function retryAfterNote(response: HttpResponse): string {
  for (const key of Object.keys(response.headers)) {
    if (key.toLowerCase() === 'retry-after') {
      return ` (auth rate limit; Retry-After ${response.headers[key]} s)`;
    }
  }
  return ' (auth rate limit)';
}
