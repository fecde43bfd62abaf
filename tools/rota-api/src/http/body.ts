import type { FastifyRequest } from 'fastify';
import { abort } from './errors.js';

/** Werkzeug's `is_json`: `application/json` or `application/*+json`, parameters ignored. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const mime = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

/**
 * Reads the request body the way the original does: JSON only for JSON content types, any
 * other body is `{}`; a falsy JSON value (`null`, `0`, `""`) is `{}` too. Malformed JSON is a
 * 400, as Werkzeug answers for an undecodable JSON body.
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
  return parsed || {};
}
