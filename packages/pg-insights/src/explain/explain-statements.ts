// Runs EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) over recorded statements, in order, inside one
// transaction that is rolled back: ANALYZE executes each statement (a write really writes, and
// the next statement sees it, as in the code that sent them), and nothing stays.
import type { CaseExplainJson, ExplainedStatementJson } from '@rota-perf/core';
import type postgres from 'postgres';
import { type CapturedStatement, isExplainable } from './capture.js';
import { findPlanIssues } from './findings.js';
import { combineFingerprints, planFingerprint } from './fingerprint.js';
import { type RawExplain, toPlanNode } from './plan.js';

/** How the statements are planned (see CaseExplainJson.plan_mode). */
export type PlanMode = CaseExplainJson['plan_mode'];

const EXPLAIN = 'explain (analyze, buffers, format json)';

class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back on purpose');
  }
}

// Prepared statement names unique in this process: a failed EXPLAIN cannot always DEALLOCATE.
let sequence = 0;

/** A parameter as JSON can hold it (dates as ISO text, big integers and bytes as text). */
export function jsonParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return value.map(jsonParameter);
  if (value === undefined) return null;
  return value;
}

// A value as PostgreSQL's text input reads it; arrays as array literals.
function inputText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Array.isArray(value)) {
    const items = value.map((v) =>
      v === null || v === undefined ? 'NULL' : `"${inputText(v).replace(/["\\]/g, '\\$&')}"`,
    );
    return `{${items.join(',')}}`;
  }
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * A parameter as an SQL literal of unknown type, which EXECUTE converts to the prepared
 * statement's parameter type (EXPLAIN EXECUTE cannot take bound parameters: it is a utility
 * statement, whose parameter types nothing determines).
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return `'${inputText(value).replace(/'/g, "''")}'`;
}

type Tx = postgres.TransactionSql;
type Values = postgres.ParameterOrJSON<never>[];

async function typeNames(tx: Tx, statement: CapturedStatement): Promise<string[]> {
  const oids = statement.parameters.map((_, i) => statement.types?.[i] ?? 0);
  if (oids.every((oid) => oid === 0)) return oids.map(() => 'unknown');
  const rows = await tx<{ name: string }[]>`
    select case when oid = 0 then 'unknown' else format_type(oid, null) end as name
    from unnest(${oids}::oid[]) with ordinality as t(oid, n) order by n`;
  return rows.map((r) => r.name);
}

// EXPLAIN's one row holds the JSON document: one entry per statement.
function planOf(rows: readonly Record<string, unknown>[]): RawExplain {
  const document = rows[0]?.['QUERY PLAN'] as RawExplain[] | undefined;
  const first = document?.[0];
  if (first === undefined) throw new Error('EXPLAIN returned no plan');
  return first;
}

async function explainOne(tx: Tx, statement: CapturedStatement, mode: PlanMode) {
  const values = statement.parameters as Values;
  if (mode === 'custom') {
    return planOf(await tx.unsafe(`${EXPLAIN} ${statement.sql}`, values, { prepare: false }));
  }
  // A generic plan is what EXECUTE of a prepared statement runs under force_generic_plan.
  sequence += 1;
  const name = `rota_perf_explain_${process.pid}_${sequence}`;
  const types = await typeNames(tx, statement);
  const declared = types.length > 0 ? ` (${types.join(', ')})` : '';
  await tx.unsafe(`prepare ${name}${declared} as ${statement.sql}`);
  const args = statement.parameters.map(sqlLiteral).join(', ');
  const rows = await tx.unsafe(`${EXPLAIN} execute ${name}${args ? `(${args})` : ''}`);
  await tx.unsafe(`deallocate ${name}`);
  return planOf(rows);
}

function describe(raw: RawExplain, statement: CapturedStatement, index: number) {
  const plan = toPlanNode(raw.Plan);
  const explained: ExplainedStatementJson = {
    sql: statement.sql,
    parameters: statement.parameters.map(jsonParameter),
    planning_ms: raw['Planning Time'] ?? null,
    execution_ms: raw['Execution Time'] ?? null,
    shared_hit_blocks: plan.shared_hit_blocks,
    shared_read_blocks: plan.shared_read_blocks,
    fingerprint: planFingerprint(raw.Plan),
    plan,
    findings: findPlanIssues(plan, index),
  };
  return explained;
}

/**
 * Explains the explainable statements among `statements` (transaction control is left out),
 * in one rolled-back transaction on `client`. `generic` plans them as a prepared statement
 * under `plan_cache_mode = force_generic_plan`.
 */
export async function explainStatements(
  client: postgres.Sql,
  statements: readonly CapturedStatement[],
  mode: PlanMode = 'custom',
): Promise<Omit<CaseExplainJson, 'waits' | 'error'>> {
  const explainable = statements.filter((s) => isExplainable(s.sql));
  let explained: ExplainedStatementJson[];
  try {
    await client.begin(async (tx) => {
      if (mode === 'generic') await tx`set local plan_cache_mode = force_generic_plan`;
      const done: ExplainedStatementJson[] = [];
      for (const [index, statement] of explainable.entries()) {
        done.push(describe(await explainOne(tx, statement, mode), statement, index));
      }
      throw new RolledBack(done);
    });
    throw new Error('explainStatements: the transaction was not rolled back');
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    explained = error.value as ExplainedStatementJson[];
  }
  return {
    fingerprint: combineFingerprints(explained.map((s) => s.fingerprint)),
    plan_mode: mode,
    statements: explained,
    findings: explained.flatMap((s) => s.findings),
  };
}
