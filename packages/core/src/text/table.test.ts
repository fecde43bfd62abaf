import { describe, expect, it } from 'vitest';
import { table, visibleWidth } from './table.js';

describe('table', () => {
  it('aligns text left and numbers right, with a rule under the header', () => {
    const out = table(
      [
        ['alpha', 1.5, 'x'],
        ['b', 1234.25, 'long text'],
      ],
      { header: ['Name', 'Value', 'Note'] },
    ).split('\n');
    const nameWidth = 'alpha'.length;
    const valueWidth = '1,234.25'.length;
    expect(out[0]).toBe(`${'Name'.padEnd(nameWidth)} ${'Value'.padStart(valueWidth)} Note`);
    expect(out[1]).toBe('-'.repeat(nameWidth + 1 + valueWidth + 1 + 'long text'.length));
    expect(out[2]).toBe(`alpha ${'1.50'.padStart(valueWidth)} x`);
    expect(out[3]).toBe(`b     ${'1,234.25'.padStart(valueWidth)} long text`);
  });

  it('prints missing cells as n/a and honours minimum widths, alignment and indent', () => {
    const out = table([['q', null, Number.NaN]], {
      minWidths: [10, 6, 6],
      align: ['right', 'left', 'right'],
      indent: '  ',
    });
    expect(out).toBe(`  ${'q'.padStart(10)} ${'n/a'.padEnd(6)} ${'n/a'.padStart(6)}`);
  });

  it('ignores ANSI colour codes when measuring widths', () => {
    const red = '\u001b[31mFAIL\u001b[39m';
    expect(visibleWidth(red)).toBe(4);
    const out = table(
      [
        [red, 1],
        ['PASS', 22],
      ],
      { header: ['Status', 'N'] },
    ).split('\n');
    expect(visibleWidth(out[2] as string)).toBe(visibleWidth(out[3] as string));
  });

  it('renders an empty table as an empty string', () => {
    expect(table([])).toBe('');
  });
});
