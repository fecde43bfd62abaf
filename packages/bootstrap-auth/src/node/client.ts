import http from 'node:http';
import https from 'node:https';
import type { HttpClient, HttpResponse } from '../core/types.js';

/** Settings of the Node client. */
export interface NodeClientOptions {
  /** Skip TLS certificate verification (self-signed test servers); default true as in k6 scripts. */
  insecureSkipTlsVerify?: boolean;
  /** Per-request timeout; default 30 000 ms. */
  timeoutMs?: number;
}

/** An HttpClient that can release its keep-alive sockets. */
export interface NodeHttpClient extends HttpClient {
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * An HttpClient over node:http/node:https. node:https rather than fetch because fetch cannot
 * skip certificate verification per client without a dispatcher dependency.
 */
export function createNodeClient(options: NodeClientOptions = {}): NodeHttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const httpAgent = new http.Agent({ keepAlive: true });
  const httpsAgent = new https.Agent({
    keepAlive: true,
    rejectUnauthorized: !(options.insecureSkipTlsVerify ?? true),
  });
  return {
    request(method, url, body, headers) {
      return new Promise<HttpResponse>((resolve) => {
        let target: URL;
        try {
          target = new URL(url);
        } catch {
          resolve(failure(`invalid URL ${url}`));
          return;
        }
        const secure = target.protocol === 'https:';
        const send = secure ? https.request : http.request;
        const request = send(
          target,
          { method, headers, agent: secure ? httpsAgent : httpAgent },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', (error) => resolve(failure(describe(error))));
            response.on('end', () =>
              resolve(toResponse(response, Buffer.concat(chunks).toString('utf8'))),
            );
          },
        );
        // Bounded like every load loop: a silent server must not hang setup.
        request.setTimeout(timeoutMs, () => request.destroy(new Error('request timeout')));
        request.on('error', (error) => resolve(failure(describe(error))));
        if (body !== null) request.write(body);
        request.end();
      });
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function toResponse(response: http.IncomingMessage, body: string): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const cookies: Record<string, string[]> = {};
  for (const line of response.headers['set-cookie'] ?? []) {
    const pair = line.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    // Go's cookie parser (k6) drops the optional DQUOTEs around a value; do the same.
    const value = pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    const values = cookies[name] ?? [];
    values.push(value);
    cookies[name] = values;
  }
  return { status: response.statusCode ?? 0, headers, cookies, body };
}

function failure(error: string): HttpResponse {
  return { status: 0, headers: {}, cookies: {}, body: null, error };
}

function describe(error: Error & { code?: string; rawPacket?: Buffer }): string {
  if (error.code === 'ECONNREFUSED') return `connection refused (${error.message})`;
  // An answer that is not HTTP: its first bytes, escaped, in Go's (k6's) wording, so a TLS
  // record (\x15, \x16) tells "this port speaks HTTPS" apart from other bytes.
  if (error.code?.startsWith('HPE_') && error.rawPacket !== undefined) {
    const head = [...error.rawPacket.subarray(0, 6)]
      .map((b) =>
        b >= 0x20 && b < 0x7f && b !== 0x5c
          ? String.fromCharCode(b)
          : `\\x${b.toString(16).padStart(2, '0')}`,
      )
      .join('');
    return `${error.code}: malformed HTTP response "${head}"`;
  }
  return error.code ? `${error.code}: ${error.message}` : error.message;
}
