// The original benchmark's "rows processed" rule (docs/rota-api.md §4.4). It counts presence, not
// rows, for scalars: an int, a bool (even false) or a single record all count as 1.

/** How many rows a case's return value stands for, by the original benchmark's rule. */
export function countRows(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) {
    // A `(list, total)` pair — a paginated result — counts the list, not the pair.
    if (value.length === 2 && Array.isArray(value[0]) && isNumeric(value[1])) {
      return value[0].length;
    }
    return value.length;
  }
  if (value instanceof Set || value instanceof Map) return value.size;
  if (isPlainObject(value)) return Object.keys(value).length;
  return 1;
}

function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'bigint';
}

// Only dictionaries count their keys: a Date or a class instance (the ORM object of the
// original) counts as one row.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
