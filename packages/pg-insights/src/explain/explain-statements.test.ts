import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/database.js';
import { createStatementRecorder } from './capture.js';
import { explainStatements } from './explain-statements.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(false);
  // 20,000 rows; b always equals a, which the planner cannot know (it multiplies selectivities).
  await server.sql`create table big (id int primary key, a int not null, b int not null)`;
  await server.sql`insert into big select g, g % 20, g % 20 from generate_series(1, 20000) g`;
  await server.sql`analyze big`;
});
afterAll(async () => {
  await server?.stop();
});

const count = async () =>
  (await server.sql<{ n: number }[]>`select count(*)::int as n from big`)[0]?.n;

describe('explainStatements', () => {
  it('explains what the code sent, in order, with findings, and leaves no write behind', async () => {
    const recorder = createStatementRecorder();
    const sql = (await import('postgres')).default(server.url, {
      max: 1,
      onnotice: () => {},
      debug: (_c, text, parameters, types) => recorder.observe({ sql: text, parameters, types }),
    });
    try {
      await sql`select 1`; // the driver's own start-up queries are not the code's
      const sent = await recorder.record(() =>
        sql.begin(async (tx) => {
          await tx`insert into big values (${100001}, ${3}, ${3})`;
          await tx`select id from big where a = ${3} and b = ${3}`;
          await tx`select count(*) from big where id = ${100001}`;
        }),
      );
      expect(sent.map((s) => s.sql.split(' ')[0])).toEqual([
        'begin',
        'insert',
        'select',
        'select',
        'commit',
      ]);
      await sql`delete from big where id = 100001`;
      const before = await count();
      const explained = await explainStatements(server.sql, sent);
      expect(await count()).toBe(before);
      expect(explained.plan_mode).toBe('custom');
      expect(explained.statements.map((s) => s.plan.node_type)).toEqual([
        'ModifyTable',
        'Seq Scan',
        'Aggregate',
      ]);
      // As the driver sent them: serialised to text.
      expect(explained.statements[0]?.parameters).toEqual(['100001', '3', '3']);
      // The insert ran inside the transaction: the count after it sees its row.
      expect(explained.statements[2]?.plan.children[0]?.actual_rows).toBe(1);
      expect(explained.findings.map((f) => [f.statement, f.kind, f.node])).toEqual([
        [1, 'seq_scan_large', 'Seq Scan on big'],
        [1, 'row_estimate_off', 'Seq Scan on big'],
      ]);
      expect(explained.statements[1]?.execution_ms).toBeGreaterThan(0);
      expect(explained.statements[1]?.planning_ms).toBeGreaterThan(0);
      expect(explained.statements[1]?.shared_hit_blocks).toBeGreaterThan(0);
      expect(explained.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await sql.end();
    }
  });

  it('a generic plan is the prepared statement’s under force_generic_plan', async () => {
    const statement = {
      sql: 'select id from big where a = $1 and b = $2',
      parameters: [3, 3],
      types: [0, 0],
    };
    const custom = await explainStatements(server.sql, [statement], 'custom');
    const generic = await explainStatements(server.sql, [statement], 'generic');
    expect(generic.plan_mode).toBe('generic');
    expect(generic.statements[0]?.plan.condition).toBe('Filter: ((a = $1) AND (b = $2))');
    expect(custom.statements[0]?.plan.condition).toBe('Filter: ((a = 3) AND (b = 3))');
    expect(generic.statements[0]?.plan.actual_rows).toBe(1000);
    const bools = {
      sql: 'select count(*) from big where (a > 10) = $1',
      parameters: [true],
      types: [16],
    };
    const typed = await explainStatements(server.sql, [bools], 'generic');
    expect(typed.statements[0]?.plan.node_type).toBe('Aggregate');
  });

  it('flags a sort that spills to disk', async () => {
    const sort = {
      sql: 'select g from generate_series(1, $1::int) g order by g desc',
      parameters: [400000],
    };
    const explained = await explainStatements(server.sql, [sort]);
    expect(explained.findings.map((f) => [f.kind, f.node])).toContainEqual(['disk_spill', 'Sort']);
  });
});
