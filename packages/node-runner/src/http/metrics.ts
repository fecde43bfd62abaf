// k6's built-in HTTP metrics and the tags of their samples.
import type { TagLookup, Tags } from '../metrics/registry.js';
import { getRuntime, type IterationContext, iterationTag } from '../runtime/state.js';
import type { Exchange } from './exchange.js';

// The tags of an HTTP sample, by precedence: custom tags, then the k6 system tags of the
// request, then the iteration's (scenario tags, options.tags, group) — as k6 merges them.
function requestTag(
  ctx: IterationContext | undefined,
  ex: Exchange,
  method: string,
  url: URL,
  expected: boolean | null,
  custom: Tags,
): TagLookup {
  const base = iterationTag(ctx);
  return (key) => {
    if (Object.hasOwn(custom, key)) return custom[key];
    switch (key) {
      case 'method':
        return method;
      case 'url':
      case 'name':
        return url.href;
      case 'status':
        return String(ex.status);
      case 'proto':
        return ex.proto;
      case 'error_code':
        return ex.errorCode ? String(ex.errorCode) : base(key);
      case 'expected_response':
        return expected !== null ? String(expected) : base(key);
      default:
        return base(key);
    }
  };
}

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
  const t = requestTag(ctx, ex, method, url, expected, custom);
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
}
