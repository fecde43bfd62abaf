// The README's script and variable tables, rendered from the registry. A generator writes
// them between markers in README.md and a test fails when that section is stale.
import { SCRIPTS } from './scripts.js';
import { SHARED_VARIABLES } from './shared.js';
import type { VariableDoc } from './types.js';

/** The markers around the generated section in README.md. */
export const README_MARKERS = {
  start: '<!-- generated from the script registry (packages/core): pnpm docs:generate -->',
  end: '<!-- end of generated section -->',
} as const;

function table(variables: readonly VariableDoc[]): string {
  const rows = variables.map((v) => `| \`${v.name}\` | ${v.default} | ${v.description} |`);
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The generated Markdown: shared variables, then one section per script. */
export function renderScriptDocs(): string {
  const parts = ['### Shared by all scripts: target, user, cookies', table(SHARED_VARIABLES)];
  for (const s of SCRIPTS) {
    const file = s.bundle.slice(s.bundle.lastIndexOf('/') + 1);
    parts.push(
      `### \`${file}\`: ${s.summary} → \`${s.resultsFile}\``,
      s.details,
      table(s.variables),
    );
  }
  const names = SCRIPTS.map((s) => s.name).join('|');
  parts.push(
    `To run a script without the CLI: \`pnpm --filter k6-scenarios bench [${names}] [-e KEY=VALUE]…\`. Every script writes its results file into \`RESULTS_DIR\`; their layouts are described under [Outputs](#outputs-and-their-json-layouts).`,
  );
  return parts.join('\n\n');
}

/** README text with the generated section replaced (throws when a marker is missing). */
export function replaceGeneratedSection(readme: string): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start) throw new Error('README.md has no generated-section markers');
  const head = readme.slice(0, start + README_MARKERS.start.length);
  return `${head}\n\n${renderScriptDocs()}\n\n${readme.slice(end)}`;
}
