#!/usr/bin/env node
import { runBin } from '@rota-perf/core/node';
import { runCommand } from '../command.js';

await runBin(runCommand, 'k6-node');
