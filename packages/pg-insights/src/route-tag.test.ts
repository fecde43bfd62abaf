import { describe, expect, it } from 'vitest';
import { routeOfStatement, routeTagger, tagStatement, untagStatement } from './route-tag.js';

const ROUTE = 'GET /trails/:trailId';

describe('tagStatement', () => {
  it('puts an empty CTE named after the route in front and the route comment at the end', () => {
    const tagged = tagStatement('select id from trails where id = $1', ROUTE);
    expect(tagged).toMatch(
      /^with rt_[0-9a-f]{8} as \(select\) select id from trails where id = \$1 \/\*route='GET \/trails\/:trailId'\*\/$/,
    );
    expect(routeOfStatement(tagged)).toBe(ROUTE);
    expect(untagStatement(tagged)).toBe('select id from trails where id = $1');
  });

  it('joins a statement’s own WITH list (recursive too) behind its leading comments', () => {
    const own = '-- why\n  with done as (select 1) insert into t select * from done';
    const tagged = tagStatement(own, ROUTE);
    expect(tagged).toMatch(
      /^-- why\n {2}with rt_[0-9a-f]{8} as \(select\), done as \(select 1\) insert into t select \* from done \/\*route='GET \/trails\/:trailId'\*\/$/,
    );
    expect(untagStatement(tagged)).toBe(own);
    const recursive =
      'WITH RECURSIVE r(n) as (select 1 union all select n + 1 from r) select n from r';
    const taggedRecursive = tagStatement(recursive, ROUTE);
    expect(taggedRecursive).toContain('with recursive rt_');
    expect(untagStatement(taggedRecursive)).toBe(
      'with recursive r(n) as (select 1 union all select n + 1 from r) select n from r',
    );
  });

  it('puts the comment on its own line after a trailing line comment', () => {
    const tagged = tagStatement('select 1 -- one', ROUTE);
    expect(tagged.endsWith("-- one\n/*route='GET /trails/:trailId'*/")).toBe(true);
    expect(routeOfStatement(tagged)).toBe(ROUTE);
    expect(untagStatement(tagged)).toBe('select 1 -- one');
  });

  it('gives different routes different CTE names and the same route the same one', () => {
    const name = (route: string) => /rt_[0-9a-f]{8}/.exec(tagStatement('select 1', route))?.[0];
    expect(name('GET /a')).toBe(name('GET /a'));
    expect(name('GET /a')).not.toBe(name('GET /b'));
  });

  it('tags a statement that takes no WITH list with the comment only', () => {
    expect(tagStatement('begin', ROUTE)).toBe(`begin /*route='${ROUTE}'*/`);
    expect(untagStatement(tagStatement('begin', ROUTE))).toBe('begin');
  });

  it('drops quotes and comment ends from a route, so the tag cannot be broken out of', () => {
    const tagged = tagStatement('select 1', "GET /x'*/ drop table t; --");
    expect(routeOfStatement(tagged)).toBe('GET /x drop table t; --');
    expect(untagStatement(tagged)).toBe('select 1');
  });

  it('reads no route from an untagged or cut-off statement, and still drops the CTE', () => {
    expect(routeOfStatement("/*route='GET /a'*/ select 1")).toBeNull();
    const cut = tagStatement('select 1', ROUTE).slice(0, -10);
    expect(routeOfStatement(cut)).toBeNull();
    expect(untagStatement(cut)).toBe(cut.replace(/^with rt_[0-9a-f]{8} as \(select\) /, ''));
    expect(untagStatement('select 1')).toBe('select 1');
  });
});

describe('routeTagger', () => {
  it('returns the same text as tagStatement, from memory on the second call', () => {
    const tag = routeTagger(ROUTE);
    const first = tag('select 2');
    expect(first).toBe(tagStatement('select 2', ROUTE));
    expect(tag('select 2')).toBe(first);
  });
});
