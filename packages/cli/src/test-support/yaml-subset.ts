// A reader for the small YAML subset the manifests use (no YAML library is installed):
// nested mappings by indentation, sequences of scalars or mappings (`- key: value`),
// comments, quoted and plain scalars. Anything else throws, naming the line.

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

interface Line {
  indent: number;
  text: string;
  number: number;
}

function scalar(text: string): Value {
  const t = text.trim();
  if (/^".*"$/.test(t)) return JSON.parse(t) as string;
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (t === '' || t === '~' || t === 'null') return null;
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^[[{&*!|>]/.test(t)) throw new Error(`unsupported YAML value: ${t}`);
  return t;
}

function stripComment(raw: string): string {
  // A " #" outside quotes starts a comment (the manifests never quote a '#').
  const at = raw.search(/(^|\s)#/);
  return (at === -1 ? raw : raw.slice(0, at)).trimEnd();
}

function parseBlock(lines: Line[], start: number, indent: number): [Value, number] {
  const first = lines[start];
  if (!first) return [null, start];
  if (first.text.startsWith('- ') || first.text === '-') return parseSequence(lines, start, indent);
  const map: Record<string, Value> = {};
  let i = start;
  while (i < lines.length && (lines[i] as Line).indent === indent) {
    const line = lines[i] as Line;
    const match = /^([A-Za-z0-9_.\-/]+):(?:\s+(.*))?$/.exec(line.text);
    if (!match) throw new Error(`line ${line.number}: expected "key: value", got "${line.text}"`);
    const [, key, rest] = match as unknown as [string, string, string | undefined];
    if (rest !== undefined && rest !== '') {
      map[key] = scalar(rest);
      i++;
    } else {
      const next = lines[i + 1];
      if (next && next.indent > indent) [map[key], i] = parseBlock(lines, i + 1, next.indent);
      else if (next && next.indent === indent && next.text.startsWith('- ')) {
        [map[key], i] = parseSequence(lines, i + 1, indent);
      } else [map[key], i] = [null, i + 1];
    }
  }
  return [map, i];
}

function parseSequence(lines: Line[], start: number, indent: number): [Value, number] {
  const items: Value[] = [];
  let i = start;
  while (
    i < lines.length &&
    (lines[i] as Line).indent === indent &&
    (lines[i] as Line).text.startsWith('-')
  ) {
    const line = lines[i] as Line;
    const rest = line.text.slice(1).trim();
    if (/^[A-Za-z0-9_.\-/]+:(\s|$)/.test(rest)) {
      // `- key: value` opens a mapping whose other keys sit two columns further in.
      const inner: Line[] = [{ indent: indent + 2, text: rest, number: line.number }];
      let j = i + 1;
      while (j < lines.length && (lines[j] as Line).indent > indent) inner.push(lines[j++] as Line);
      items.push(parseBlock(inner, 0, indent + 2)[0]);
      i = j;
    } else {
      items.push(scalar(rest));
      i++;
    }
  }
  return [items, i];
}

/** Parses one YAML document of the supported subset. */
export function parseYamlSubset(text: string): Value {
  const lines: Line[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.includes('\t')) throw new Error(`line ${index + 1}: tabs are not YAML indentation`);
    const content = stripComment(raw);
    if (content.trim() === '' || content.trim() === '---') return;
    const indent = content.length - content.trimStart().length;
    lines.push({ indent, text: content.trim(), number: index + 1 });
  });
  const [value, end] = parseBlock(lines, 0, lines[0]?.indent ?? 0);
  if (end < lines.length)
    throw new Error(`line ${(lines[end] as Line).number}: unexpected indentation`);
  return value;
}
