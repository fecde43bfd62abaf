#!/usr/bin/env node
import { RotaDbError } from '../db/errors.js';
import { runDemo } from '../demo.js';

// process.exit, not exitCode: the pool and watchdog timers must not keep the demo alive.
runDemo(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // RotaDbError is user-facing: one line, no stack; usage errors exit 2.
    if (error instanceof RotaDbError) {
      console.error(`rota-db demo: ${error.message}`);
      process.exit(error.usage ? 2 : 1);
    }
    console.error(error);
    process.exit(1);
  },
);
