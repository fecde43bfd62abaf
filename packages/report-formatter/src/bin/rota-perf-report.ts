#!/usr/bin/env node
// rota-perf-report <folder> [--out <file>] [--title <text>]: writes the HTML report.
import { parseArgs } from 'node:util';
import { writeHtmlReport } from '../html/write.js';

const USAGE = 'usage: rota-perf-report <results-folder> [--out <file.html>] [--title <text>]';

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`rota-perf-report: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [folder, ...extra] = parsed.positionals;
  if (!folder || extra.length > 0) {
    const problem = folder ? `unexpected argument "${extra[0]}"` : 'missing <results-folder>';
    process.stderr.write(`rota-perf-report: ${problem}, expected exactly one folder\n${USAGE}\n`);
    return 2;
  }
  try {
    const out = await writeHtmlReport({
      folder,
      ...(parsed.values.out === undefined ? {} : { out: parsed.values.out }),
      ...(parsed.values.title === undefined ? {} : { title: parsed.values.title }),
    });
    process.stdout.write(`HTML report written to ${out}\n`);
    return 0;
  } catch (error) {
    // User-facing errors (missing folder, malformed file) are one line, no stack.
    process.stderr.write(`rota-perf-report: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      title: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
