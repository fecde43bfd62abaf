import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_RESULTS, writeFixtureFolder } from '../test-support/report-fixture.js';
import { routeShape } from './database-statements.js';
import { readReportInputs } from './inputs.js';
import { renderHtmlReport } from './render.js';

let folder: string;
beforeAll(async () => {
  folder = await writeFixtureFolder();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const render = async (dir: string) =>
  renderHtmlReport(await readReportInputs(dir), { chartJs: '', generatedAt: 'now' });
const sectionOf = (html: string) => {
  const start = html.indexOf('<section id="database">');
  return start < 0 ? null : html.slice(start, html.indexOf('</section>', start));
};

describe('the Database section', () => {
  it('lists the top statements and, per endpoint, its statements with their share of its time', async () => {
    const section = sectionOf(await render(folder)) ?? '';
    expect(section).toContain('<h2>Database</h2>');
    expect(section).toContain(
      'PostgreSQL 18.4 at postgres://postgres:***@127.0.0.1:41234/postgres (embedded)',
    );
    expect(section).toContain(
      '<h3>Top statements by total time (the 5 slowest in total of 7)</h3>',
    );
    const routes = [...section.matchAll(/<h3 class="route" data-route="([^"]+)">([^<]+)<\/h3>/g)];
    expect(routes.map((m) => m[2])).toEqual([
      'PUT /trails/:trailId/items/:itemId/progress',
      'GET /trails/:trailId (endpoint GET /trails/:id)',
      'GET /me',
    ]);
    // GET /trails/:id: 400 requests × 12.57 ms = 5,028.57 ms; its statements took 240 ms.
    expect(section).toContain(
      '800 statement calls, 240.00 ms; 0.600 ms per request of 12.57 ms mean latency (4.77% of the endpoint’s time) over 400 requests',
    );
    const trail = section.slice(section.indexOf('data-route="GET /trails/:trailId"'));
    expect(trail).toMatch(
      /select t\.id, t\.name from trails t where t\.id = \$1<\/td><td class="num">400<\/td><td class="num">0\.450<\/td><td class="num">180\.0<\/td><td class="num">75\.00%<\/td><td class="num">3\.58%<\/td>/,
    );
    // An endpoint the load run did not measure still gets its statements, without the share.
    const put = section.slice(
      section.indexOf('data-route="PUT'),
      section.indexOf('data-route="GET /trails'),
    );
    expect(put).toContain('50 statement calls, 400.00 ms</p>');
    expect(put).not.toContain('Share of endpoint time');
  });

  it('shows the waits and the flagged plans of db-bench --explain with their plan tree', async () => {
    const section = sectionOf(await render(folder)) ?? '';
    expect(section).toContain(
      '420 samples of pg_stat_activity every 500 ms saw 37 active statements. CPU means running, not waiting. Overall: Lock:transactionid 56.76%, CPU 37.84%, IO:DataFileRead 5.41%.',
    );
    expect(section).toContain('db-bench --explain: 2 cases explained, 1 flagged');
    expect(section).toContain('<h3>UsersRepository.GetUserByEmail</h3>');
    expect(section).not.toContain('<h3>TrailsRepository.list_showcase</h3>');
    expect(section).toContain(
      '<td>#1</td><td>Seq Scan on users</td><td>read 12,001 rows, kept 1</td>',
    );
    expect(section).toContain(
      '  Seq Scan on users (est 1, actual 1, 2.400 ms, hit 150 read 0)\n    Filter: ((email)::text = $1)',
    );
  });

  it('says what is missing when the server lacked pg_stat_statements, and shows no statement tables', async () => {
    const doc = JSON.parse(await readFile(join(FIXTURE_RESULTS, 'database_insights.json'), 'utf8'));
    const missing =
      'pg_stat_statements is not loaded: add it to shared_preload_libraries in postgresql.conf and restart the server';
    doc.statements = {
      ...doc.statements,
      available: false,
      missing,
      top: [],
      routes: [],
      statements_seen: 0,
    };
    await writeFile(join(folder, 'database_insights.json'), JSON.stringify(doc));
    const section = sectionOf(await render(folder)) ?? '';
    expect(section).toContain(`<p class="warn">${missing}</p>`);
    expect(section).not.toContain('Top statements');
    expect(section).toContain('420 samples of pg_stat_activity');
  });

  it('is left out when the folder has neither insights nor explained cases', async () => {
    await rm(join(folder, 'database_insights.json'));
    await rm(join(folder, 'db_bench_results.json'));
    expect(sectionOf(await render(folder))).toBeNull();
  });
});

describe('routeShape', () => {
  it('makes route tags and endpoint labels with other parameter names equal', () => {
    expect(routeShape('GET /trails/:trailId/items/:itemId')).toBe(
      routeShape('GET /trails/:id/items/:itemId'),
    );
    expect(routeShape('GET /trails/:id')).not.toBe(routeShape('GET /trails/showcase'));
  });
});
