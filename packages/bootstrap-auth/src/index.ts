export { type BootstrapOptions, type BootstrapResult, bootstrap } from './core/bootstrap.js';
export {
  type ConfigFromEnvOptions,
  configFromEnv,
  DEFAULT_BASE_URL,
  DEFAULT_CSRF_COOKIE,
  DEFAULT_PASSWORD,
  DEFAULT_SESSION_COOKIE,
  type EnvMap,
  poolCredentials,
} from './core/config.js';
export { USUAL_CSRF_COOKIES, USUAL_SESSION_COOKIES } from './core/cookies.js';
export { type Enrolment, enrol } from './core/enrol.js';
export { ensureSession } from './core/ensure-session.js';
export { BootstrapError } from './core/errors.js';
export {
  findFirstTrail,
  type HydrateOptions,
  hydrateDataset,
  type TrailLookup,
} from './core/hydrate.js';
export { prepareLoginPool } from './core/login-pool.js';
export { isUnsafeForProgress } from './core/pick-items.js';
export { extractSession, refreshFrom, sessionHeaders } from './core/session.js';
export {
  describeMissing,
  SCENARIO_REQUIREMENTS,
  type SkippedScenario,
  scenariosSkippedFor,
} from './core/skips.js';
export type {
  BootstrapConfig,
  Credentials,
  Dataset,
  DatasetField,
  FormQuestion,
  HttpClient,
  HttpResponse,
  RequestOptions,
  Session,
} from './core/types.js';
