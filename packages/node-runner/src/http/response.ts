import { unsupported } from '../errors.js';
import type { ResponseCookie } from './cookies.js';
import type { Timings } from './exchange.js';
import { parseResponseJson } from './json.js';

/** The `request` echo on a k6 response. */
export interface RequestEcho {
  method: string;
  url: string;
  headers: Record<string, string[]>;
  body: string;
  cookies: Record<string, { name: string; value: string; replace: boolean }[]>;
}

/** The fields a response is built from (the others are constant). */
export type ResponseInit = Pick<
  K6Response,
  | 'status'
  | 'status_text'
  | 'proto'
  | 'url'
  | 'headers'
  | 'cookies'
  | 'body'
  | 'timings'
  | 'error'
  | 'error_code'
  | 'remote_ip'
  | 'remote_port'
  | 'request'
>;

/** The response object `http.asyncRequest` resolves to, shaped like k6's (same key order). */
export class K6Response {
  status!: number;
  status_text!: string;
  proto!: string;
  url!: string;
  headers!: Record<string, string>;
  cookies!: Record<string, ResponseCookie[]>;
  body!: string | ArrayBuffer | null;
  timings!: Timings;
  tls_version = '';
  tls_cipher_suite = '';
  ocsp = {
    produced_at: 0,
    this_update: 0,
    next_update: 0,
    revoked_at: 0,
    revocation_reason: '',
    status: '',
  };
  error!: string;
  error_code!: number;
  remote_ip!: string;
  remote_port!: number;
  request!: RequestEcho;

  constructor(init: ResponseInit) {
    // The fields were declared above in k6's key order, so assigning keeps that order.
    Object.assign(this, init);
  }

  /** Parses the body as JSON; with a selector, reads a gjson-style path. */
  json(selector?: string): unknown {
    return parseResponseJson(this.body, selector);
  }

  html(): never {
    throw unsupported('response.html()');
  }

  clickLink(): never {
    throw unsupported('response.clickLink()');
  }

  submitForm(): never {
    throw unsupported('response.submitForm()');
  }
}
