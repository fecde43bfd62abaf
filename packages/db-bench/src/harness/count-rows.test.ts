import { describe, expect, it } from 'vitest';
import { countRows } from './count-rows.js';

describe('countRows (the original benchmark rule)', () => {
  it('counts null and undefined as 0', () => {
    expect(countRows(null)).toBe(0);
    expect(countRows(undefined)).toBe(0);
  });

  it('counts a list by its length', () => {
    expect(countRows([])).toBe(0);
    expect(countRows([{ id: 1 }, { id: 2 }, { id: 3 }])).toBe(3);
  });

  it('unwraps a (list, total) pair to the list length', () => {
    const list = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }];
    expect(countRows([list, 250])).toBe(list.length);
    expect(countRows([[], 0])).toBe(0);
  });

  it('does not unwrap a pair whose second element is not numeric', () => {
    expect(countRows([[1, 2, 3], 'x'])).toBe(2);
  });

  it('counts a dictionary by its keys and a Set/Map by its size', () => {
    const dict = { a: 1, b: 2, c: 3, d: 4, e: 5 };
    expect(countRows(dict)).toBe(Object.keys(dict).length);
    expect(countRows(new Set([1, 2]))).toBe(2);
    expect(countRows(new Map([[1, 1]]))).toBe(1);
  });

  it('counts anything else (number, boolean even false, instance) as 1', () => {
    expect(countRows(42)).toBe(1);
    expect(countRows(0)).toBe(1);
    expect(countRows(false)).toBe(1);
    expect(countRows(true)).toBe(1);
    expect(countRows(new Date())).toBe(1);
    class Row {
      id = 1;
      name = 'x';
    }
    expect(countRows(new Row())).toBe(1);
  });
});
