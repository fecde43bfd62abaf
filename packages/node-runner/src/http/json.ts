import { GoError } from '../errors.js';

/** Reads a gjson-style path (`user.email`, `items.0.id`, `items.#`) from a parsed JSON value. */
export function selectJson(value: unknown, selector: string): unknown {
  const parts = selector.split(/(?<!\\)\./).map((p) => p.replace(/\\\./g, '.'));
  let cur: unknown = value;
  for (const part of parts) {
    if (Array.isArray(cur)) {
      if (part === '#') cur = cur.length;
      else if (/^\d+$/.test(part)) cur = cur[Number(part)];
      else return undefined;
    } else if (cur !== null && typeof cur === 'object' && Object.hasOwn(cur, part)) {
      cur = (cur as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}

// V8 and Go word JSON errors differently; scripts and logs are compared with k6's Go text.
function goJsonError(body: string, err: Error): GoError {
  const posMatch = /position (\d+)/.exec(err.message);
  let pos = posMatch ? Number(posMatch[1]) : body.search(/\S/);
  if (pos < 0 || pos >= body.length) {
    return new GoError('unexpected end of JSON input');
  }
  const before = body.slice(0, pos);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const ch = body[pos] as string;
  const context =
    pos === body.search(/\S/) ? 'looking for beginning of value' : 'after top-level value';
  pos = pos - lineStart + 2;
  return new GoError(
    `cannot parse json due to an error at line ${line}, character ${pos} , error: invalid character '${ch}' ${context}`,
  );
}

/** `response.json(selector?)` with k6's error texts. */
export function parseResponseJson(body: unknown, selector?: string): unknown {
  if (body === null || body === undefined) {
    throw new GoError(
      "the body is null so we can't transform it to JSON - this likely was because of a request error getting the response",
    );
  }
  const text = typeof body === 'string' ? body : Buffer.from(body as ArrayBuffer).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    if (selector !== undefined) return undefined;
    throw goJsonError(text, err as Error);
  }
  return selector === undefined ? parsed : selectJson(parsed, selector);
}
