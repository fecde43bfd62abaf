import { BootstrapError } from './errors.js';
import type { HttpClient, HttpResponse, RequestOptions } from './types.js';

const EXCERPT_LENGTH = 160;

/** One request of the bootstrap; tags mark it as setup traffic in k6 metrics. */
export interface SetupRequest {
  method: string;
  baseUrl: string;
  path: string;
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
  const options: RequestOptions = { tags: { phase: 'setup', setup_step: request.step } };
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

function unreachable(baseUrl: string, what: string, detail: string): BootstrapError {
  const lower = detail.toLowerCase();
  if (lower.includes('certificate') || lower.includes('tls') || lower.includes('ssl')) {
    return new BootstrapError(
      `TLS handshake with BASE_URL ${baseUrl} failed (${what}: ${detail}); set INSECURE_SKIP_TLS_VERIFY=true for self-signed certificates`,
    );
  }
  if (lower.includes('timeout') || lower.includes('timed out')) {
    return new BootstrapError(`BASE_URL ${baseUrl} did not answer in time (${what}: ${detail})`);
  }
  return new BootstrapError(
    `cannot reach BASE_URL ${baseUrl}: nothing is listening there (${what}: ${detail})`,
  );
}

function retryAfterNote(response: HttpResponse): string {
  for (const key of Object.keys(response.headers)) {
    if (key.toLowerCase() === 'retry-after') {
      return ` (auth rate limit; Retry-After ${response.headers[key]} s)`;
    }
  }
  return ' (auth rate limit)';
}
