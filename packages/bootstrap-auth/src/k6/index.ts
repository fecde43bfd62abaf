// The k6 adapter: imports only k6/http, so it runs inside k6 bundles (k6 v0.43+ for asyncRequest).
import http from 'k6/http';
import type { HttpClient, HttpResponse, RequestOptions } from '../core/types.js';
import { type K6ResponseLike, mapK6Response } from './map-response.js';

export { type K6ResponseLike, mapK6Response } from './map-response.js';

/** Defaults applied to every request of a k6 client. */
export interface K6ClientOptions {
  /** k6 duration string, e.g. `30s` (k6's default is 60s). */
  timeout?: string;
  /** Tags added to every request (the core adds `phase: setup`, `setup_step` and `name`). */
  tags?: Record<string, string>;
}

/**
 * An HttpClient over `http.asyncRequest`. TLS verification is not a per-request setting in
 * k6: the script sets `insecureSkipTLSVerify` in its options (from config.insecureSkipTlsVerify).
 */
export function createK6Client(defaults: K6ClientOptions = {}): HttpClient {
  return {
    async request(method, url, body, headers, options?: RequestOptions): Promise<HttpResponse> {
      // Only defined keys: k6 validates params and some versions reject explicit undefined.
      const params: Record<string, unknown> = { headers };
      const tags = { ...defaults.tags, ...options?.tags };
      if (Object.keys(tags).length > 0) params.tags = tags;
      if (defaults.timeout !== undefined) params.timeout = defaults.timeout;
      if (options?.expectedStatuses && options.expectedStatuses.length > 0) {
        params.responseCallback = http.expectedStatuses(...options.expectedStatuses);
      }
      const response = await http.asyncRequest(method, url, body, params);
      return mapK6Response(response as unknown as K6ResponseLike);
    },
  };
}
