// Driving the report in Debian's Chromium (playwright-core): launch, and reading back what the
// page drew: each canvas's painted share and each Chart.js instance's data.
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches headless Chromium; a missing browser is a failure that says how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    // Deliberately a failure, not a skip: CI must run the browser tests.
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium" (Debian), or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
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
}

/** Opens a page that records console errors, failed requests and page errors. */
export async function openReport(
  browser: Browser,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-charts]', { timeout: 20_000 });
  return { page, errors };
}

/** Share of a canvas's pixels that are drawn (0 when it has no size). */
export async function paintedShare(page: Page, id: string): Promise<number> {
  return page.$eval(`#${id}`, (el) => {
    // The tsconfig has no DOM lib: describe the little of a canvas this needs.
    const canvas = el as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
      } | null;
    };
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let opaque = 0;
    for (let i = 3; i < px.length; i += 4) if ((px[i] as number) > 0) opaque++;
    return opaque / (px.length / 4);
  });
}

/** What one Chart.js instance on the page holds. */
export interface DrawnChart {
  id: string;
  xType: string;
  datasets: { label: string; points: number; visible: boolean; values: (number | null)[] }[];
  marks: { label: string; atSeconds: number; kind?: string }[];
}

/** Every chart of the page as Chart.js holds it (its instances, in canvas order). */
export async function drawnCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(() => {
    interface ChartInstance {
      canvas: { id: string };
      scales: Record<string, { type: string }>;
      data: { datasets: { label: string; data: unknown[] }[] };
      options: { plugins: { timelineMarks?: { items?: DrawnChart['marks'] } } };
      isDatasetVisible(index: number): boolean;
    }
    const chartJs = (
      globalThis as unknown as { Chart: { instances: Record<string, ChartInstance> } }
    ).Chart;
    const y = (p: unknown) =>
      typeof p === 'number' ? p : ((p as { y?: number | null } | null)?.y ?? null);
    return Object.values(chartJs.instances).map((c) => ({
      id: c.canvas.id,
      xType: c.scales.x?.type ?? '',
      datasets: c.data.datasets.map((d, i) => ({
        label: d.label,
        points: d.data.length,
        visible: c.isDatasetVisible(i),
        values: d.data.map(y),
      })),
      marks: (c.options.plugins.timelineMarks?.items ?? []).map((m) => ({ ...m })),
    }));
  });
}
