// The `k6/http` module: the asynchronous API only (k6's synchronous calls would block every VU here).
import { unsupported } from '../errors.js';
import { CookieJar as Jar } from '../http/cookies.js';
import { appendTo, type RequestParams, request as sendRequest } from '../http/request.js';
import type { K6Response } from '../http/response.js';
import { getRuntime } from '../runtime/state.js';
import { contextOfModule } from '../runtime/vu-context.js';

// This module is instantiated per VU (`http.js?vu=N`): requests go out as that VU.
const currentContext = contextOfModule(import.meta.url);

/** A cookie jar handle (`http.cookieJar()` / `new http.CookieJar()`). */
export class CookieJar {
  readonly jar: Jar;
  constructor(jar?: Jar) {
    this.jar = jar ?? new Jar();
  }
  cookiesForURL(url: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const c of this.jar.cookiesFor(new URL(url))) appendTo(out, c.name, c.value);
    return out;
  }
  set(url: string, name: string, value: string, opts?: Record<string, unknown>): void {
    this.jar.set(new URL(url), name, value, opts);
  }
  clear(url: string): void {
    this.jar.remove(new URL(url));
  }
  delete(url: string, name: string): void {
    this.jar.remove(new URL(url), name);
  }
}

/** The calling VU's jar. */
export function cookieJar(): CookieJar {
  const c = currentContext();
  if (!c) throw new Error('http.cookieJar() is only available while a script runs');
  return new CookieJar(c.vu.jar);
}

/** `http.expectedStatuses(200, { min: 300, max: 399 })`. */
export function expectedStatuses(...specs: (number | { min: number; max: number })[]) {
  const accept = (status: number) =>
    specs.some((s) => (typeof s === 'number' ? s === status : status >= s.min && status <= s.max));
  return { accept };
}

/** `http.setResponseCallback(cb)`; null turns off `http_req_failed` and `expected_response`. */
export function setResponseCallback(cb: { accept(status: number): boolean } | null): void {
  getRuntime().expectedStatus = cb ? (s) => cb.accept(s) : null;
}

function sync(name: string) {
  return (): never => {
    throw unsupported(`the synchronous http.${name}() (use await http.asyncRequest(...))`);
  };
}

export const get = sync('get');
export const post = sync('post');
export const put = sync('put');
export const patch = sync('patch');
export const del = sync('del');
export const head = sync('head');
export const options = sync('options');
export const request = sync('request');
export const batch = sync('batch');
export function file(): never {
  throw unsupported('http.file() (multipart uploads)');
}
/** `http.asyncRequest(method, url, body, params)`. */
export function asyncRequest(
  method: string,
  url: unknown,
  body?: unknown,
  params?: RequestParams,
): Promise<K6Response> {
  return sendRequest(currentContext(), method, url, body, params);
}

export default {
  asyncRequest,
  cookieJar,
  CookieJar,
  expectedStatuses,
  setResponseCallback,
  get,
  post,
  put,
  patch,
  del,
  head,
  options,
  request,
  batch,
  file,
};
