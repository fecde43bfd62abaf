#!/usr/bin/env node
// Rewrites the README's script and variable section from the script registry of
// @rota-perf/core (build it first: `pnpm docs:generate` does). packages/core's readme test
// fails while the section is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { replaceGeneratedSection } from '../../packages/core/dist/index.js';

const readme = fileURLToPath(new URL('../../README.md', import.meta.url));
const before = readFileSync(readme, 'utf8');
const after = replaceGeneratedSection(before);
if (after !== before) writeFileSync(readme, after);
console.log(after === before ? 'README.md is up to date' : 'README.md: script section regenerated');
