#!/usr/bin/env node
import { runDemo } from '../demo.js';

runDemo(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // RotaDbError and friends are user-facing: one line, no stack.
    console.error(`rota-db demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
