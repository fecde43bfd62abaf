import { describe, expect, it } from 'vitest';
import type { FixtureItem, FixtureTrail } from '../fixture/types.js';
import { createRepositories } from '../repositories/index.js';
import { useSeededDatabase } from '../repositories/test-support/seeded.js';
import { connect } from './connect.js';
import type { SentStatement } from './statement-hooks.js';

const seeded = useSeededDatabase('hooks', { seed: 20, sectionsPerTrail: 1 });
const DATA = seeded.data;
const trail = DATA.trails[0] as FixtureTrail;
const TRANSACTION_CONTROL = /^\s*(begin|savepoint|release|rollback|commit)\b/i;

describe('statement hooks of connect', () => {
  it('onStatement sees each statement with its parameters; a rewrite reaches statements in transactions and savepoints', async () => {
    const sent: SentStatement[] = [];
    const connection = await connect(seeded.t.url, { max: 2, onStatement: (s) => sent.push(s) });
    try {
      const tagged = connection.withStatementRewrite((sql) => `${sql} /*tag='hooks'*/`);
      const repos = createRepositories(tagged);
      const userId = await seeded.newUser();
      const itemId = seeded.iid(trail.sections[0]?.items[0] as FixtureItem);
      sent.length = 0;
      await repos.users.getUserById(userId);
      // saveItemProgress opens its own transaction; inside another one it is a savepoint.
      const rolledBack = await tagged
        .transaction(async (tx) => {
          await createRepositories(tx).userProgress.saveItemProgress({
            userId,
            itemId,
            status: 'COMPLETED',
            progressValue: 100,
          });
          tx.rollback();
        })
        .catch((error: Error) => error.message);
      expect(rolledBack).toBe('Rollback');
      const queries = sent.filter((s) => !TRANSACTION_CONTROL.test(s.sql));
      expect(queries.length).toBeGreaterThanOrEqual(4);
      for (const s of queries) expect(s.sql.endsWith(" /*tag='hooks'*/")).toBe(true);
      expect(queries[0]?.parameters.map(String)).toContain(String(userId));
      expect(sent.some((s) => /^savepoint /i.test(s.sql))).toBe(true);
      // The untagged database over the same pool is left alone.
      sent.length = 0;
      await connection.db.execute('select 1 as one');
      expect(sent.map((s) => s.sql)).toEqual(['select 1 as one']);
    } finally {
      await connection.close();
    }
    // Nothing of the rolled-back write stayed.
    const [row] = await seeded.t.client<{ n: number }[]>`
      select count(*)::int as n from user_item_progress`;
    expect(row?.n).toBe(0);
  });
});
