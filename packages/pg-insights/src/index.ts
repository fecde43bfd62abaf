// What PostgreSQL says about a workload: route tags on statements, pg_stat_statements deltas,
// wait events sampled from pg_stat_activity, and EXPLAIN plans with findings and fingerprints.
export {
  INSIGHTS_APPLICATION,
  INSIGHTS_MARKER,
  openInsightsClient,
  redactDatabaseUrl,
} from './connection.js';
export {
  type CapturedStatement,
  createStatementRecorder,
  isExplainable,
  type StatementRecorder,
} from './explain/capture.js';
export { comparePlans, type PlanChange } from './explain/compare.js';
export {
  explainStatements,
  jsonParameter,
  type PlanMode,
} from './explain/explain-statements.js';
export {
  DEFAULT_THRESHOLDS,
  type FindingThresholds,
  findPlanIssues,
} from './explain/findings.js';
export { combineFingerprints, planFingerprint, planShape } from './explain/fingerprint.js';
export {
  nodeLabel,
  type RawExplain,
  type RawPlanNode,
  toPlanNode,
  walkPlan,
} from './explain/plan.js';
export { routeOfStatement, routeTagger, tagStatement, untagStatement } from './route-tag.js';
export {
  type DatabaseInsights,
  type DatabaseInsightsOptions,
  startDatabaseInsights,
} from './session.js';
export { checkStatisticsAccess, type StatisticsAccess } from './statements/availability.js';
export {
  diffSnapshots,
  type StatementDelta,
  type StatementSummary,
  summariseStatements,
} from './statements/delta.js';
export {
  type StatementCounters,
  type StatementSnapshot,
  takeStatementSnapshot,
} from './statements/snapshot.js';
export { startWaitSampler, type WaitSampler, type WaitSamplerOptions } from './waits/sampler.js';
export { type ActivityRow, eventOf, ON_CPU, WaitTally } from './waits/tally.js';
