import type { FastifyRequest } from 'fastify';
import { abort } from './errors.js';

/** Werkzeug's `is_json`: `application/json` or `application/*+json`, parameters ignored. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const mime = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

/** Deepest nesting of arrays/objects a body may have (the original's decoder stops near 1,000). */
export const MAX_JSON_DEPTH = 512;

/**
 * Reads the request body the way the original does: JSON only for JSON content types, any
 * other body is `{}`; a falsy JSON value (`null`, `0`, `""`) is `{}` too. Malformed JSON is a
 * 400, as Werkzeug answers for an undecodable JSON body; so is JSON nested deeper than
 * MAX_JSON_DEPTH (a validation error echoes its input, and echoing thousands of levels
 * overflowed the stack: a 500).
 */
export function readJsonBody(request: FastifyRequest): unknown {
  if (!isJsonContentType(request.headers['content-type'])) return {};
  const raw = typeof request.body === 'string' ? request.body : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw abort(400, 'Failed to decode JSON object: the request body is not valid JSON');
  }
  if (depthExceeds(parsed, MAX_JSON_DEPTH)) {
    throw abort(400, `Failed to decode JSON object: nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return parsed || {};
}

// Iterative (a recursive walk would overflow on the very input it guards against).
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
