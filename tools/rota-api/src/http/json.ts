function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = (value as Record<string, unknown>)[key];
  }
  return sorted;
}

/**
 * Serialises like Flask's jsonify: keys sorted, non-ASCII escaped as \uXXXX, trailing newline.
 */
export function toFlaskJson(value: unknown): string {
  const text = JSON.stringify(value, sortKeys) ?? 'null';
  return `${text.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
