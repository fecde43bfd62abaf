import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { fixtureComparison } from '../test-support/comparison-fixture.js';
import { formatComparisonJunit } from './junit.js';
import { formatComparisonMarkdown, formatComparisonText } from './text.js';

const JENKINS_XSD = fileURLToPath(
  new URL('../../../../test-data/junit/jenkins-junit.xsd', import.meta.url),
);

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'compare.xml', contents: xml }],
    schema: [{ fileName: 'jenkins-junit.xsd', contents: readFileSync(JENKINS_XSD, 'utf8') }],
  });
  return result.errors.map((e) => e.rawMessage);
}

describe('comparison text', () => {
  const text = formatComparisonText(fixtureComparison());

  it('shows each row with its changes, verdict and exceeded budget', () => {
    const slower = text.split('\n').find((l) => l.startsWith('GET /trails/:id')) ?? '';
    expect(slower).toContain('+30.0%*');
    expect(slower).toContain('slower');
    expect(slower).toContain('exceeded: p95 +30.0% > +10.0%');
    expect(slower).toContain('10.00 → 13.00 ms (+30.0%*)');
    const unchanged = text.split('\n').find((l) => l.startsWith('GET /me')) ?? '';
    expect(unchanged).toContain('no significant change');
    expect(unchanged).toMatch(/ held$/);
  });

  it('names the rule, the ceilings, the notes and the conclusion', () => {
    expect(text).toContain('Mann–Whitney U');
    expect(text).toContain(
      "ceiling (rps_results.json): highest passing target 200 RPS → 180 RPS; the candidate's is a lower bound",
    );
    expect(text).toContain('note: GET /trails/showcase: only in the candidate');
    expect(text).toContain('3 compared: 1 slower, 0 faster; 1 budget(s) exceeded (exit code 99)');
  });
});

describe('comparison Markdown', () => {
  const markdown = formatComparisonMarkdown(fixtureComparison());

  it('is a heading, the conclusion and one table row per compared row', () => {
    expect(markdown.startsWith('## rota-perf compare\n')).toBe(true);
    expect(markdown).toContain(
      '**3 compared: 1 slower, 0 faster; 1 budget(s) exceeded (exit code 99)**',
    );
    const rows = markdown.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(1 + 3);
    expect(rows[0]).toBe('|  | kind | p50 | p95 | p99 | RPS | error rate | verdict | budgets |');
    expect(markdown).toContain('|---|---|---:|---:|---:|---:|---:|---|---|');
    // 13 / (10 × 1.02) − 1: the change the verdict rests on, relative to the peers' drift.
    expect(rows[1]).toContain('| slower (p50 +27.5% vs run) |');
    expect(rows[2]).toContain('| no significant change |');
  });

  it('says latencies were judged relative to the run and how far the whole run moved', () => {
    expect(markdown).toContain('relative to the run');
    expect(markdown).toContain('The whole run moved (median p50 change): the endpoints +2.0%;');
    const raw = fixtureComparison();
    raw.settings.relative_to_run = false;
    expect(formatComparisonMarkdown(raw)).not.toContain('relative to the run');
  });

  it('lists the ceilings and notes', () => {
    expect(markdown).toContain('- Ceiling (`rps_results.json`)');
    expect(markdown).toContain('- Note: GET /trails/showcase');
  });
});

describe('comparison JUnit XML', () => {
  const xml = formatComparisonJunit(fixtureComparison());

  it('is valid against the Jenkins JUnit schema', async () => {
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('has one test case per row budget, a failure for each exceeded one', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(3 + 3 + 1);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain('tests="7" failures="1"');
    expect(xml).toContain(
      '<testcase name="GET /trails/:id: p95 increase ≤ 10.0%" classname="rota-perf.compare.endpoint" time="0">',
    );
    expect(xml).toContain('name="GET /me &lt;&amp;&quot;quoted&quot;&gt;: p95 increase ≤ 10.0%"');
  });

  it('the schema check can fail: a test case without a name is rejected', async () => {
    const broken = xml.replace(
      '<testcase name="GET /trails/:id: p95 increase ≤ 10.0%"',
      '<testcase',
    );
    expect(await schemaErrors(broken)).not.toEqual([]);
  });
});
