import { describe, expect, it } from 'vitest';
import { defineCase } from './define-case.js';
import { matchCaseName, selectCases } from './select-cases.js';

describe('matchCaseName', () => {
  it('matches a plain pattern anywhere, ignoring case', () => {
    const m = matchCaseName('list_S');
    expect(m('TrailsRepository.list_sections')).toBe(true);
    expect(m('TrailsRepository.get_trail')).toBe(false);
  });

  it('treats * as a wildcard over the whole name and literal dots as dots', () => {
    const m = matchCaseName('Users*.Exists*');
    expect(m('UsersRepository.ExistsEmail')).toBe(true);
    expect(m('UsersRepository.GetUserByEmail')).toBe(false);
    expect(matchCaseName('a.b')('axb')).toBe(false);
  });

  it('accepts alternatives separated by commas', () => {
    const m = matchCaseName('get_trail, ExistsEmail');
    expect(m('TrailsRepository.get_trail')).toBe(true);
    expect(m('UsersRepository.ExistsEmail')).toBe(true);
    expect(m('UsersRepository.ExistsUsername')).toBe(false);
  });
});

describe('selectCases', () => {
  const read = defineCase('read.one', () => 1);
  const write = defineCase('write.one', () => 1, { writes: true });

  it('leaves write cases out unless writes are included', () => {
    expect(selectCases([read, write], {}).map((c) => c.name)).toEqual(['read.one']);
    expect(selectCases([read, write], { includeWrites: true }).map((c) => c.name)).toEqual([
      'read.one',
      'write.one',
    ]);
  });

  it('keeps only the cases the filter names, in order', () => {
    const names = selectCases([read, write], { includeWrites: true, filter: 'write' });
    expect(names.map((c) => c.name)).toEqual(['write.one']);
  });
});
