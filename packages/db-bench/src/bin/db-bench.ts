#!/usr/bin/env node
import { runBin } from '@rota-perf/core/node';
import { dbBenchCommand } from '../cli/run.js';

await runBin(dbBenchCommand);
