// The route tag an API puts on its statements, and how to read it back. One definition for the
// producer (the reference API) and the reader (the pg_stat_statements delta, the wait sampler).
//
// A tag is two things, both needed:
// - a sqlcommenter-style comment at the end, `/*route='GET /trails/:trailId'*/`, that people
//   and tools read. At the end, because pg_stat_statements keeps a statement's text from its
//   first token on: a comment in front would be dropped.
// - an unused, empty CTE named after the route (`with rt_<hash> as (select)`). pg_stat_statements
//   groups statements by a hash of their parse tree, which leaves comments out: with the
//   comment alone a statement two routes share would be one entry, labelled with whichever
//   route ran it first. A CTE name is part of that hash, so each route gets its own entry. The
//   planner drops a CTE nothing reads, and a prepared statement is planned once: it costs
//   nothing per call.

const COMMENT = /\s*\/\*route='([^']*)'\*\/\s*$/;
const CTE = /^with (recursive )?rt_[0-9a-f]{8} as \(select\)(, | )/i;

// A statement the tag can go in front of: a WITH list accepts one more query name.
const TAGGABLE = /^(with|select|insert|update|delete|values)\b/i;

/** FNV-1a, 32 bits, as 8 hex digits: a short stable name per route. */
function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// Quotes and comment ends would end the tag early; a route never needs them.
const cleanRoute = (route: string) => route.replace(/\*\/|['\\]/g, '');

// Where the statement's own text starts: after leading blanks and comments.
function bodyStart(sql: string): number {
  let i = 0;
  for (;;) {
    while (i < sql.length && /\s/.test(sql.charAt(i))) i++;
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else {
      return i;
    }
  }
}

// The comment goes on a line of its own when the statement's last line holds a `--` comment.
function withComment(sql: string, route: string): string {
  const lastLine = sql.slice(sql.lastIndexOf('\n') + 1);
  return `${sql}${lastLine.includes('--') ? '\n' : ' '}/*route='${route}'*/`;
}

/**
 * `sql` tagged with `route`. Statements that take no WITH list (BEGIN, SET…) get the comment
 * only. Comments before the statement stay in front of it.
 */
export function tagStatement(sql: string, route: string): string {
  const clean = cleanRoute(route);
  const start = bodyStart(sql);
  const body = sql.slice(start);
  if (!TAGGABLE.test(body)) return withComment(sql, clean);
  const cte = `rt_${hash8(clean)} as (select)`;
  const lead = sql.slice(0, start);
  const withList = /^with(\s+recursive)?\s+/i.exec(body);
  if (withList === null) return withComment(`${lead}with ${cte} ${body}`, clean);
  const keyword = withList[1] ? 'with recursive' : 'with';
  return withComment(`${lead}${keyword} ${cte}, ${body.slice(withList[0].length)}`, clean);
}

/** The route a statement was tagged with, or null (also for text cut before the tag ends). */
export function routeOfStatement(sql: string): string | null {
  const match = COMMENT.exec(sql);
  return match ? (match[1] ?? null) : null;
}

/** The statement without its tag (the comment and the route's CTE), for display. */
export function untagStatement(sql: string): string {
  const match = COMMENT.exec(sql);
  const rest = match === null ? sql : sql.slice(0, match.index);
  const start = bodyStart(rest);
  const body = rest.slice(start);
  const cte = CTE.exec(body);
  if (cte === null) return rest;
  const tail = body.slice(cte[0].length);
  // `, ` means the statement had its own WITH list: give it its keyword back.
  const restored = cte[2] === ', ' ? `with ${cte[1] ?? ''}${tail}` : tail;
  return rest.slice(0, start) + restored;
}

// Statement texts remembered per route; beyond it (IN lists of every length…) texts are built.
const REMEMBERED = 1000;

/**
 * A tagger for one route that remembers each statement's tagged text: an API sends the same
 * few statement strings over and over, and the map lookup is cheaper than building the text.
 */
export function routeTagger(route: string): (sql: string) => string {
  const tagged = new Map<string, string>();
  return (sql) => {
    let text = tagged.get(sql);
    if (text === undefined) {
      text = tagStatement(sql, route);
      if (tagged.size < REMEMBERED) tagged.set(sql, text);
    }
    return text;
  };
}
