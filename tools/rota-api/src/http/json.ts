function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  // Most bodies are built in key order (or come sorted from PostgreSQL): no copy for those.
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++)
    inOrder = (keys[i - 1] as string) < (keys[i] as string);
  if (inOrder) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    sorted[key] = (value as Record<string, unknown>)[key];
  }
  return sorted;
}

/**
 * Serialises like Flask's jsonify: keys sorted, non-ASCII escaped as \uXXXX, trailing newline.
 */
export function toFlaskJson(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value, sortKeys) ?? 'null');
}

/** `toFlaskJson` for values whose keys are already in sorted order (skips the sorting pass). */
export function toFlaskJsonPresorted(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value) ?? 'null');
}

function escapeNonAscii(text: string): string {
  return `${text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
