import type { FastifyRequest } from 'fastify';
import { abort, NOT_FOUND_MESSAGE } from './errors.js';

/**
 * Path ids match `\d+` in the router; ids beyond the safe-integer range cannot name a row, so
 * they are a 404 rather than a database error.
 */
export function parseId(raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    throw abort(404, NOT_FOUND_MESSAGE);
  }
  return value;
}

/** Query integer like Python int(): a non-integer or a value < 1 falls back to the default. */
export function parsePositiveQueryInt(raw: unknown, fallback: number, max?: number): number {
  if (typeof raw !== 'string' || !/^\s*\+?\d+\s*$/.test(raw)) return fallback;
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < 1) return fallback;
  return max !== undefined ? Math.min(value, max) : value;
}

/** Pagination object `{page, page_size, total, pages}` (docs/rota-api.md §2.2). */
export function paginationOf(page: number, pageSize: number, total: number) {
  return { page, page_size: pageSize, total, pages: Math.ceil(total / pageSize) };
}

/** A numeric path parameter (see `parseId`). */
export function idParam(request: FastifyRequest, name: string): number {
  return parseId((request.params as Record<string, string>)[name]);
}
