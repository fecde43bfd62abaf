// The HTML report in a real browser: Debian's Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureFolder } from '../test-support/report-fixture.js';
import { writeHtmlReport } from './write.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');
const SCREENSHOT = join(ARTIFACTS, 'html-report.png');

let browser: Browser;
let folder: string;
let reportUrl: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // Deliberately a failure, not a skip: CI must run this test.
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium" (Debian), or set CHROMIUM_PATH`,
    );
  }
  folder = await writeFixtureFolder();
  reportUrl = pathToFileURL(await writeHtmlReport({ folder })).href;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('HTML report in Chromium', () => {
  it('loads without console errors and draws every chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    await page.goto(reportUrl, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts]', { timeout: 20_000 });
    const ids = await page.$$eval('canvas', (cs) => cs.map((c) => c.id));
    expect(ids).toEqual([
      'chart-endpoints',
      'chart-rps',
      'chart-progress-probe',
      'chart-adaptive-probe',
      'chart-db-bench',
      'chart-memory-0',
    ]);
    for (const id of ids) {
      const painted = await page.$eval(`#${id}`, (el) => {
        // The tsconfig has no DOM lib: describe the little of a canvas this needs.
        const canvas = el as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): {
            getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
          } | null;
        };
        const ctx = canvas.getContext('2d');
        if (!ctx || canvas.width === 0 || canvas.height === 0) return { share: 0, total: 0 };
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let opaque = 0;
        for (let i = 3; i < px.length; i += 4) if ((px[i] as number) > 0) opaque++;
        return { share: opaque / (px.length / 4), total: px.length / 4 };
      });
      expect(painted.total, `${id} has no size`).toBeGreaterThan(0);
      // Axes, labels and bars/lines: a drawn chart covers well over 1% of its canvas.
      expect(painted.share, `${id} looks empty`).toBeGreaterThan(0.01);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every table without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(reportUrl, { waitUntil: 'load' });
    expect(await page.getAttribute('html', 'data-charts')).toBeNull();
    const tables = await page.$$eval('table', (ts) =>
      ts.map((t) => (t as unknown as { textContent: string | null }).textContent ?? ''),
    );
    expect(tables.length).toBeGreaterThanOrEqual(6);
    const text = tables.join('\n');
    expect(text).toContain('GET /trails/:id');
    expect(text).toContain('probe_40');
    expect(text).toContain('TrailsRepository.list_showcase');
    await context.close();
  });
});
