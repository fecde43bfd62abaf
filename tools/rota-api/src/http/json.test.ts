import { describe, expect, it } from 'vitest';
import { toFlaskJson, toFlaskJsonPresorted } from './json.js';

describe('toFlaskJson', () => {
  it('sorts keys recursively, escapes non-ASCII and ends with a newline', () => {
    const text = toFlaskJson({ b: 1, a: [{ z: 'Começar', y: null }], c: { e: 1, d: 2 } });
    expect(text).toBe('{"a":[{"y":null,"z":"Come\\u00e7ar"}],"b":1,"c":{"d":2,"e":1}}\n');
    expect(JSON.parse(text)).toEqual({ b: 1, a: [{ z: 'Começar', y: null }], c: { e: 1, d: 2 } });
    // An object already in order is kept, and its unsorted children are still sorted.
    expect(toFlaskJson({ a: { c: 1, b: 2 }, b: [{ y: 1, x: 2 }] })).toBe(
      '{"a":{"b":2,"c":1},"b":[{"x":2,"y":1}]}\n',
    );
  });

  it('keeps the given key order for presorted bodies, still escaping non-ASCII', () => {
    expect(toFlaskJsonPresorted([{ b: 'ç', a: 1 }])).toBe('[{"b":"\\u00e7","a":1}]\n');
  });
});
