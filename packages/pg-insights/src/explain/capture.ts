// The statements a piece of code sends, as the driver sent them: fed by a statement observer
// (rota-db's `onStatement`, i.e. the postgres.js `debug` hook), recorded only while asked to.

/** One statement as sent: text with `$n` placeholders, the values bound, their type OIDs. */
export interface CapturedStatement {
  sql: string;
  parameters: readonly unknown[];
  /** Type OIDs the driver sent (0 or missing: left to the server). */
  types?: readonly number[];
}

/** Records what is sent while `record` runs. */
export interface StatementRecorder {
  /** Give this to the connection as its statement observer. */
  observe(statement: CapturedStatement): void;
  /** Runs `work` and returns every statement sent meanwhile (its result is dropped). */
  record(work: () => Promise<unknown>): Promise<CapturedStatement[]>;
}

/** A recorder; it records nothing outside `record`, and one `record` at a time. */
export function createStatementRecorder(): StatementRecorder {
  let sink: CapturedStatement[] | null = null;
  return {
    observe(statement) {
      sink?.push({ sql: statement.sql, parameters: statement.parameters, types: statement.types });
    },
    async record(work) {
      if (sink !== null) throw new Error('createStatementRecorder: already recording');
      const recorded: CapturedStatement[] = [];
      sink = recorded;
      try {
        await work();
      } finally {
        sink = null;
      }
      return recorded;
    },
  };
}

// Leading blanks and comments (a route tag, an explanation) do not decide what a statement is.
const LEADING = /^(\s+|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/;

/** True for statements EXPLAIN takes (queries and DML; not BEGIN, SAVEPOINT, SET…). */
export function isExplainable(sql: string): boolean {
  return /^(with|select|insert|update|delete|merge|values|table)\b/i.test(sql.replace(LEADING, ''));
}
