#!/usr/bin/env node
import { runBin } from '@rota-perf/core/node';
import { ROTA_PERF } from '../commands/index.js';

await runBin(ROTA_PERF);
