// k6's built-in HTTP metrics and the tags of their samples.
import type { TagLookup, Tags } from '../metrics/registry.js';
import { getRuntime, type IterationContext } from '../runtime/state.js';
import type { Exchange } from './exchange.js';

// The request whose samples are being recorded. The registry reads a sample's tags while
// `push` runs, so one lookup reading this shared state serves every request (no closures per
// request); emitMetrics fills it, pushes, and clears it.
const current: {
  ctx: IterationContext | undefined;
  ex: Exchange | null;
  method: string;
  url: URL | null;
  expected: boolean | null;
  custom: Tags;
} = { ctx: undefined, ex: null, method: '', url: null, expected: null, custom: {} };

function iterationValue(key: string): string | undefined {
  const ctx = current.ctx;
  if (key === 'group') return ctx?.groupPath ?? '';
  const base = ctx?.tags;
  return base && Object.hasOwn(base, key) ? base[key] : undefined;
}

// The tags of an HTTP sample, by precedence: custom tags, then the k6 system tags of the
// request, then the iteration's (scenario tags, options.tags, group) — as k6 merges them.
const requestTag: TagLookup = (key) => {
  const { custom, ex } = current;
  if (Object.hasOwn(custom, key)) return custom[key];
  switch (key) {
    case 'method':
      return current.method;
    case 'url':
    case 'name':
      return current.url?.href;
    case 'status':
      return String(ex?.status ?? 0);
    case 'proto':
      return ex?.proto;
    case 'error_code':
      return ex?.errorCode ? String(ex.errorCode) : iterationValue(key);
    case 'expected_response':
      return current.expected !== null ? String(current.expected) : iterationValue(key);
    default:
      return iterationValue(key);
  }
};

/** Records k6's built-in HTTP metrics for one exchange (one redirect hop). */
export function emitMetrics(
  ctx: IterationContext | undefined,
  ex: Exchange,
  method: string,
  url: URL,
  custom: Tags,
): void {
  if (ctx?.cancelled) return;
  const rt = getRuntime();
  const b = rt.builtins;
  const expected = rt.expectedStatus ? ex.status !== 0 && rt.expectedStatus(ex.status) : null;
  current.ctx = ctx;
  current.ex = ex;
  current.method = method;
  current.url = url;
  current.expected = expected;
  current.custom = custom;
  const t = requestTag;
  const reg = rt.registry;
  const timings = ex.timings;
  reg.push(b.http_reqs, 1, t);
  reg.push(b.http_req_duration, timings.duration, t);
  reg.push(b.http_req_blocked, timings.blocked, t);
  reg.push(b.http_req_connecting, timings.connecting, t);
  reg.push(b.http_req_tls_handshaking, timings.tls_handshaking, t);
  reg.push(b.http_req_sending, timings.sending, t);
  reg.push(b.http_req_waiting, timings.waiting, t);
  reg.push(b.http_req_receiving, timings.receiving, t);
  if (expected !== null) reg.push(b.http_req_failed, expected ? 0 : 1, t);
  reg.push(b.data_sent, ex.bytesSent, t);
  reg.push(b.data_received, ex.bytesReceived, t);
  current.ctx = undefined;
  current.ex = null;
  current.url = null;
}
