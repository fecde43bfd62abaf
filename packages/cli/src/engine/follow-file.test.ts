import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followFile } from './follow-file.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('followFile', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('delivers whole lines as the file grows, multi-byte characters across reads included', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-follow-'));
    const path = join(dir, 'grows.ndjson');
    const seen: string[] = [];
    const followed = followFile(path, (line) => seen.push(line), 20);
    await sleep(60); // the file does not exist yet
    await writeFile(path, 'first\nsec');
    await sleep(80);
    expect(seen).toEqual(['first']);
    await appendFile(path, 'ond µs\n');
    const big = 'x'.repeat(70_000);
    await appendFile(path, `${big}\nlast without newline`);
    await sleep(80);
    expect(seen).toEqual(['first', 'second µs', big]);
    await followed.stop();
    expect(seen).toEqual(['first', 'second µs', big, 'last without newline']);
  });
});
