// Plain-text tables with aligned columns. Widths ignore ANSI colour codes so that coloured
// cells line up with plain ones.
import { formatNumber } from './format.js';

/** A table cell: text as given, numbers formatted with 2 decimals, null/undefined as `n/a`. */
export type Cell = string | number | null | undefined;

/** Layout options of `table`. */
export interface TableOptions {
  /** Header labels; a dashed rule is drawn under them. */
  header?: readonly string[];
  /** Per-column alignment; by default numbers (and `n/a`) align right, text left. */
  align?: readonly ('left' | 'right')[];
  /** Per-column minimum widths (columns grow to fit longer cells). */
  minWidths?: readonly number[];
  /** Text between columns (default one space). */
  separator?: string;
  /** Text in front of every line (e.g. an indent). */
  indent?: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point
const ANSI = /\u001b\[[0-9;]*m/g;

/** The printed width of a string (ANSI colour codes take no room). */
export function visibleWidth(text: string): number {
  return text.replace(ANSI, '').length;
}

function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : formatNumber(cell);
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Renders rows as aligned text lines (no trailing spaces, no final newline). */
export function table(rows: readonly (readonly Cell[])[], options: TableOptions = {}): string {
  const header = options.header ?? [];
  const columns = Math.max(header.length, ...rows.map((r) => r.length), 0);
  const texts = rows.map((row) => Array.from({ length: columns }, (_, i) => cellText(row[i])));
  const align = Array.from({ length: columns }, (_, i): 'left' | 'right' => {
    const given = options.align?.[i];
    if (given) return given;
    const numeric = rows.some((row) => typeof row[i] === 'number');
    return numeric ? 'right' : 'left';
  });
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(
      options.minWidths?.[i] ?? 0,
      visibleWidth(header[i] ?? ''),
      ...texts.map((row) => visibleWidth(row[i] ?? '')),
    ),
  );
  const separator = options.separator ?? ' ';
  const indent = options.indent ?? '';
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, align[i] ?? 'left'))
      .join(separator)
      .replace(/\s+$/, '');
  const out: string[] = [];
  if (header.length > 0) {
    out.push(line(Array.from({ length: columns }, (_, i) => header[i] ?? '')));
    const total = widths.reduce((a, b) => a + b, 0) + separator.length * (columns - 1);
    out.push(indent + '-'.repeat(total));
  }
  for (const row of texts) out.push(line(row));
  return out.join('\n');
}
