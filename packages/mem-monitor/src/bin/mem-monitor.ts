#!/usr/bin/env node
import { runBin } from '@rota-perf/core/node';
import { memMonitorCommand } from '../cli.js';

await runBin(memMonitorCommand);
