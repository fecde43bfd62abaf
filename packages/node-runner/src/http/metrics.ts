// k6's built-in HTTP metrics and the tags of their samples.
import type { TagLookup, Tags } from '../metrics/registry.js';
import { getRuntime, type IterationContext, type Runtime } from '../runtime/state.js';
import { type Exchange, errorCodeOf } from './exchange.js';

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
// A request named with the `name` tag gets that name as its `url` tag too, as in k6.
const requestTag: TagLookup = (key) => {
  const { custom, ex } = current;
  if (Object.hasOwn(custom, key)) return custom[key];
  switch (key) {
    case 'method':
      return current.method;
    case 'url':
      return custom.name ?? current.url?.href;
    case 'name':
      return current.url?.href;
    case 'status':
      return String(ex?.status ?? 0);
    case 'proto':
      return ex?.proto || iterationValue(key);
    case 'error':
      return ex?.error || iterationValue(key);
    case 'error_code': {
      const code = ex ? errorCodeOf(ex) : 0;
      return code ? String(code) : iterationValue(key);
    }
    case 'expected_response':
      return current.expected !== null ? String(current.expected) : iterationValue(key);
    default:
      return iterationValue(key);
  }
};

/** Every tag of the current request as an object (for the streamed outputs only). */
function requestTagObject(): Tags {
  const { ctx, custom } = current;
  const tags: Tags = {};
  const base = ctx?.tags;
  if (base) for (const k in base) tags[k] = base[k] as string;
  tags.group = ctx?.groupPath ?? '';
  const keys = ['method', 'url', 'name', 'status', 'proto', 'error', 'error_code'];
  for (const k of keys) {
    const v = requestTag(k);
    if (v !== undefined && v !== '') tags[k] = v;
  }
  if (current.expected !== null) tags.expected_response = String(current.expected);
  for (const k in custom) tags[k] = custom[k] as string;
  return tags;
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
  current.ctx = ctx;
  current.ex = ex;
  current.method = method;
  current.url = url;
  current.expected = expected;
  current.custom = custom;
  const t = rt.outputs === null ? requestTag : requestTagObject();
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
  const series = rt.series;
  if (series !== null) {
    series.request(
      ctx?.scenario?.name ?? '',
      custom.name ?? url.href,
      timings.duration,
      ex.status,
      expected === false,
      errorCodeOf(ex),
    );
  }
  // k6 counts bytes per iteration: they are emitted when it ends (emitIterationData).
  if (ctx) {
    ctx.sent += ex.bytesSent;
    ctx.received += ex.bytesReceived;
  } else emitData(rt, { group: '' }, '', ex.bytesSent, ex.bytesReceived);
  current.ctx = undefined;
  current.ex = null;
  current.url = null;
}

/**
 * `data_sent` and `data_received` of an iteration (or of setup/teardown) as it ends, with the
 * iteration's tags, as k6 emits them from its VU's connection counters.
 */
export function emitIterationData(rt: Runtime, ctx: IterationContext, tags: Tags): void {
  emitData(rt, tags, ctx.scenario?.name ?? '', ctx.sent, ctx.received);
  ctx.sent = 0;
  ctx.received = 0;
}

function emitData(rt: Runtime, tags: Tags, scenario: string, sent: number, received: number) {
  rt.registry.push(rt.builtins.data_sent, sent, tags);
  rt.registry.push(rt.builtins.data_received, received, tags);
  rt.series?.data(scenario, received, sent);
}
