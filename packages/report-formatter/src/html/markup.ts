// Small HTML building blocks. Every piece of data goes through `escapeHtml`.
import { MISSING } from '@rota-perf/core';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A table cell: text, and whether it is a figure (right-aligned). */
export interface HtmlCell {
  text: string;
  numeric?: boolean;
}

/** Shorthand for a right-aligned figure cell. */
export function num(text: string): HtmlCell {
  return { text, numeric: true };
}

/** A `<table>` with a header row; `rowClass` may mark rows (e.g. the highest passing level). */
export function htmlTable(
  header: readonly string[],
  rows: readonly (readonly (HtmlCell | string)[])[],
  rowClass: (index: number) => string = () => '',
): string {
  const cell = (c: HtmlCell | string, tag: 'td' | 'th') => {
    const v = typeof c === 'string' ? { text: c } : c;
    const cls = [
      v.numeric ? 'num' : '',
      v.text === MISSING || v.text === 'missing' ? 'missing' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return `<${tag}${cls ? ` class="${cls}"` : ''}>${escapeHtml(v.text)}</${tag}>`;
  };
  // A heading sits over its column: right-aligned over figures (the first row tells).
  const first = rows[0];
  const figure = (i: number) => {
    const c = first?.[i];
    return c === undefined ? i > 0 : typeof c !== 'string' && c.numeric === true;
  };
  const head = `<tr>${header.map((h, i) => cell(figure(i) ? num(h) : h, 'th')).join('')}</tr>`;
  const body = rows
    .map((r, i) => {
      const cls = rowClass(i);
      return `<tr${cls ? ` class="${cls}"` : ''}>${r.map((c) => cell(c, 'td')).join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/** Headline figures as tiles. */
export function tiles(items: readonly [label: string, value: string][]): string {
  const body = items
    .map(
      ([l, v]) =>
        `<div class="tile"><div class="label">${escapeHtml(l)}</div><div class="value">${escapeHtml(v)}</div></div>`,
    )
    .join('');
  return `<div class="tiles">${body}</div>`;
}

/** A paragraph with a tone (`note`, `warn`, `bad`, `good`). */
export function para(text: string, tone = ''): string {
  return `<p${tone ? ` class="${tone}"` : ''}>${escapeHtml(text)}</p>`;
}
