// The endpoint catalogue: every request the scripts send, as data. The scenario name of the
// endpoint benchmark doubles as the `endpoint` tag key (see summary/load-summary.ts).

import type { Dataset } from '@rota-perf/bootstrap-auth';
import { REQUEST_NAMES, type RequestKey } from '@rota-perf/core';

type ScenarioDataset = Pick<
  Dataset,
  'trailId' | 'sectionId' | 'itemId' | 'itemDurationSeconds' | 'formItemId' | 'formQuestions'
>;

/** Traffic class of an endpoint: which rate it gets and which `phase` tag its requests carry. */
export type Phase = 'main' | 'write' | 'auth';

/** One benchmarked endpoint. */
export interface Endpoint {
  /** Scenario name and `endpoint` tag value. */
  key: string;
  /** Display label and k6 `name` tag, e.g. `GET /trails/:id` (from core's REQUEST_NAMES). */
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  phase: Phase;
  /** Sends the session cookie. */
  auth: boolean;
  /** Sends the CSRF header. */
  csrf: boolean;
  /** Only in runs with write scenarios enabled. */
  optionalWrite: boolean;
  path(d: ScenarioDataset): string;
  body?(d: ScenarioDataset, iteration: number): unknown;
}

/** The PUT progress value the original sent: 30, or 30% of a known duration (at least 10). */
export function progressValueFor(durationSeconds: number): number {
  if (!(durationSeconds > 0)) return 30;
  return Math.min(Math.max(10, Math.floor(0.3 * durationSeconds)), durationSeconds);
}

function formAnswers(d: ScenarioDataset) {
  return (d.formQuestions || []).map((q) =>
    q.firstOptionId !== null
      ? { question_id: q.id, selected_option_id: q.firstOptionId, answer_text: null }
      : { question_id: q.id, selected_option_id: null, answer_text: 'Benchmark answer' },
  );
}

function read(key: RequestKey, path: (d: ScenarioDataset) => string, auth = false): Endpoint {
  return {
    key,
    label: REQUEST_NAMES[key],
    method: 'GET',
    phase: 'main',
    auth,
    csrf: false,
    optionalWrite: false,
    path,
  };
}

const trail = (d: ScenarioDataset) => `/trails/${d.trailId}`;
const userTrail = (d: ScenarioDataset) => `/user-trails/${d.trailId}`;

/** Every endpoint of the endpoint benchmark, in the original's order. */
export const ENDPOINTS: readonly Endpoint[] = [
  read('trails_showcase', () => '/trails/showcase'),
  read('trails_list', () => '/trails/'),
  read('trails_detail', trail),
  read('trails_sections', (d) => `${trail(d)}/sections`),
  read('trails_section_items', (d) => `${trail(d)}/sections/${d.sectionId}/items`),
  read('trails_sections_with_items', (d) => `${trail(d)}/sections-with-items`),
  read('trails_included_items', (d) => `${trail(d)}/included-items`),
  read('trails_requirements', (d) => `${trail(d)}/requirements`),
  read('trails_audience', (d) => `${trail(d)}/audience`),
  read('trails_learn', (d) => `${trail(d)}/learn`),
  read('trail_item_detail', (d) => `${trail(d)}/items/${d.itemId}`, true),
  {
    key: 'auth_login',
    label: REQUEST_NAMES.auth_login,
    method: 'POST',
    phase: 'auth',
    auth: false,
    csrf: false,
    optionalWrite: false,
    path: () => '/auth/login',
  },
  {
    key: 'user_trail_enroll',
    label: REQUEST_NAMES.user_trail_enroll,
    method: 'POST',
    phase: 'write',
    auth: true,
    csrf: true,
    optionalWrite: false,
    path: (d) => `${userTrail(d)}/enroll`,
  },
  read('user_trail_progress', (d) => `${userTrail(d)}/progress`, true),
  read('user_trail_items_progress', (d) => `${userTrail(d)}/items-progress`, true),
  read('user_trail_sections_progress', (d) => `${userTrail(d)}/sections-progress`, true),
  read('me_profile', () => '/me', true),
  {
    key: 'trail_item_progress',
    label: REQUEST_NAMES.trail_item_progress,
    method: 'PUT',
    phase: 'write',
    auth: true,
    csrf: true,
    optionalWrite: true,
    path: (d) => `${trail(d)}/items/${d.itemId}/progress`,
    body: (d) => ({
      status: 'IN_PROGRESS',
      progress_value: progressValueFor(d.itemDurationSeconds),
    }),
  },
  {
    key: 'trail_form_submission',
    label: REQUEST_NAMES.trail_form_submission,
    method: 'POST',
    phase: 'write',
    auth: true,
    csrf: true,
    optionalWrite: true,
    path: (d) => `${trail(d)}/items/${d.formItemId}/form-submissions`,
    body: (d) => ({ duration_seconds: 30, answers: formAnswers(d) }),
  },
];

/** The three progress reads probed by the progress probe. */
export const PROGRESS_READ_KEYS = [
  'user_trail_progress',
  'user_trail_items_progress',
  'user_trail_sections_progress',
];

/** Looks an endpoint up by key; throws on a typo (a programming error, not user input). */
export function endpointByKey(key: string): Endpoint {
  for (const e of ENDPOINTS) if (e.key === key) return e;
  throw new Error(`unknown endpoint key "${key}"`);
}
