// Live progress as users see it: on a terminal (a tmux pane, read twice a second or more
// apart) the status block's figures change; piped, a heartbeat line every --progress-interval
// seconds; with -q neither. The stand-in k6 (K6_BINARY) replays the real k6's recording, so
// figures flow without a database; one run uses node-runner against the reference API.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_K6 } from './test-support/records.js';
import { useRotaApi } from './test-support/rota-api.js';
import { runCli, startCli } from './test-support/run-cli.js';
import { useScratchDir } from './test-support/scratch-dir.js';
import { startInTmux, type TmuxPane } from './test-support/tmux.js';

const NOWHERE = ['--base-url', 'http://127.0.0.1:9'];
const SHORT = [
  '-e',
  'WARMUP_DURATION=2s',
  '-e',
  'TEST_DURATION=6s',
  '-e',
  'COOLDOWN_DURATION=1s',
  '-e',
  'RAMP_DOWN_DURATION=1s',
];
const HEADER = /bench performance · (\d+:\d\d)\/0:10 (warm-up|plateau)/;

const scratch = useScratchDir('rota-perf-progress-');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two screens of the status block once figures flow, read at least a second apart. */
async function twoFrames(pane: TmuxPane): Promise<[string, string]> {
  const first = await pane.waitFor(/trails_list\s+\d+\.\d\s+[1-9]/, 60_000);
  await sleep(1500);
  return [first, pane.capture()];
}

describe('on a terminal: the status block', () => {
  it('redraws in place with changing figures (k6 path)', async () => {
    const pane = startInTmux(
      ['bench', ...NOWHERE, '--out', join(scratch.dir, 'tty-k6'), ...SHORT],
      {
        K6_BINARY: FAKE_K6,
        FAKE_K6_REPEAT: '5',
        FAKE_K6_SCENARIO: 'trails_list',
      },
      scratch.dir,
    );
    try {
      const [first, second] = await twoFrames(pane);
      expect(second).not.toBe(first);
      const clock = (screen: string) => HEADER.exec(screen)?.[1];
      expect(clock(first)).toBeDefined();
      expect(clock(second)).not.toBe(clock(first));
      // One block: the header is drawn once, not scrolled as new lines.
      expect(second.match(/bench performance ·/g)).toHaveLength(1);
      expect(second).toMatch(/trails_list\s+\d+\.\d\s+[1-9]/);
      const end = await pane.waitFor(/\[exit \d+\]/, 60_000);
      expect(end).toContain('[exit 0]');
      expect(end).toContain('Outputs:');
    } finally {
      pane.close();
    }
  });

  describe('node-runner against the reference API', () => {
    const api = useRotaApi();

    it('redraws with changing figures', async () => {
      const pane = startInTmux(
        [
          'bench',
          '--engine',
          'node',
          '--base-url',
          api.url,
          '--out',
          join(scratch.dir, 'tty-node'),
          '--no-report',
          ...SHORT,
        ],
        {},
        scratch.dir,
      );
      try {
        const first = await pane.waitFor(/bench performance · /, 60_000);
        await sleep(1500);
        const second = pane.capture();
        const header = (screen: string) => /bench performance · .*/.exec(screen)?.[0];
        expect(header(second)).not.toBe(header(first));
        expect(second.match(/bench performance ·/g)).toHaveLength(1);
        const end = await pane.waitFor(/\[exit \d+\]/, 90_000);
        expect(end).toMatch(/\[exit (0|99)\]/);
      } finally {
        pane.close();
      }
    });
  });
});

describe('piped: heartbeat lines', () => {
  it('one every --progress-interval seconds, with the figures', async () => {
    const run = startCli(
      [
        'bench',
        ...NOWHERE,
        '--out',
        join(scratch.dir, 'piped'),
        '--progress-interval',
        '1',
        ...SHORT,
      ],
      {
        K6_BINARY: FAKE_K6,
        FAKE_K6_REPEAT: '4',
      },
    );
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    const beats = run.lines.filter(
      (l) => l.channel === 'stderr' && l.line.startsWith('[bench performance]'),
    );
    expect(beats.length).toBeGreaterThanOrEqual(5);
    const gaps = beats.slice(1).map((b, i) => b.atMs - (beats[i] as { atMs: number }).atMs);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThan(600);
      expect(gap).toBeLessThan(1600);
    }
    expect(beats.some((b) => /achieved [1-9]/.test(b.line))).toBe(true);
    // No terminal codes in a log.
    expect(result.stderr).not.toContain('\u001b[');
  });

  it('-q: no progress at all', async () => {
    const result = await runCli(
      [
        'bench',
        ...NOWHERE,
        '--out',
        join(scratch.dir, 'quiet'),
        '-q',
        '--progress-interval',
        '1',
        ...SHORT,
      ],
      {
        K6_BINARY: FAKE_K6,
        FAKE_K6_REPEAT: '2',
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('[bench performance]');
  });
});
