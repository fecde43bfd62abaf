import { unsupported } from '../errors.js';
import type { ResponseCookie } from './cookies.js';
import { parseResponseJson } from './json.js';
import type { Timings } from './transport.js';

/** The `request` echo on a k6 response. */
export interface RequestEcho {
  method: string;
  url: string;
  headers: Record<string, string[]>;
  body: string;
  cookies: Record<string, { name: string; value: string; replace: boolean }[]>;
}

/** The response object `http.asyncRequest` resolves to, shaped like k6's. */
export class K6Response {
  status = 0;
  status_text = '';
  proto = '';
  url = '';
  headers: Record<string, string> = {};
  cookies: Record<string, ResponseCookie[]> = {};
  body: string | ArrayBuffer | null = null;
  timings: Timings = {
    blocked: 0,
    looking_up: 0,
    connecting: 0,
    tls_handshaking: 0,
    sending: 0,
    waiting: 0,
    receiving: 0,
    duration: 0,
  };
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
  error = '';
  error_code = 0;
  remote_ip = '';
  remote_port = 0;
  request: RequestEcho = { method: '', url: '', headers: {}, body: '', cookies: {} };

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
