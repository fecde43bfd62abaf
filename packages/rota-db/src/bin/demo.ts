#!/usr/bin/env node
import { runBin } from '@rota-perf/core/node';
import { demoCommand } from '../demo.js';

await runBin(demoCommand);
