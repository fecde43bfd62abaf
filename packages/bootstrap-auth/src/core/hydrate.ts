import type { RequestKey } from '@rota-perf/core';
import { parseJson, send } from './http.js';
import { pickFormItem, pickProgressItem, type SectionJson } from './pick-items.js';
import { refreshFrom, sessionHeaders } from './session.js';
import type { Dataset, DatasetField, HttpClient, Session } from './types.js';

/** Options for `hydrateDataset`: a trail chosen already, or the first of `GET /trails/`. */
export interface HydrateOptions {
  trailId?: number;
}

/** Result of looking up the run's trail. */
export interface TrailLookup {
  trailId: number | null;
  problem: string | null;
}

/** The trail every scenario uses: `trails[0]` of `GET /trails/` (first by name). */
export async function findFirstTrail(client: HttpClient, session: Session): Promise<TrailLookup> {
  const response = await get(client, session, 'trails_list', '/trails/');
  if (response.status >= 400) {
    return { trailId: null, problem: `GET ${session.baseUrl}/trails/ returned ${response.status}` };
  }
  const body = parseJson(response.body) as { trails?: Array<{ id?: unknown }> } | null;
  const id = body?.trails?.[0]?.id;
  if (typeof id !== 'number') {
    return { trailId: null, problem: `GET ${session.baseUrl}/trails/ listed no trail` };
  }
  return { trailId: id, problem: null };
}

/**
 * Finds the ids the scenarios need. Never throws for missing content: each missing piece is
 * listed in `missing` with one sentence in `problems`, so callers can report it once.
 */
export async function hydrateDataset(
  client: HttpClient,
  session: Session,
  options: HydrateOptions = {},
): Promise<Dataset> {
  const dataset: Dataset = {
    trailId: null,
    sectionId: null,
    itemId: null,
    itemType: null,
    itemDurationSeconds: 0,
    formItemId: null,
    formQuestions: null,
    missing: [],
    problems: [],
  };
  const lookup = options.trailId === undefined ? await findFirstTrail(client, session) : null;
  const trailId = options.trailId ?? lookup?.trailId ?? null;
  if (trailId === null) {
    miss(
      dataset,
      ['trailId', 'sectionId', 'itemId', 'formItemId', 'formQuestions'],
      lookup?.problem ?? 'no trail',
    );
    return dataset;
  }
  dataset.trailId = trailId;
  const path = `/trails/${trailId}/sections-with-items`;
  const response = await get(client, session, 'trails_sections_with_items', path);
  const sections = parseJson(response.body);
  if (response.status >= 400 || !Array.isArray(sections)) {
    const why =
      response.status >= 400 ? `returned ${response.status}` : 'did not return a JSON array';
    miss(
      dataset,
      ['sectionId', 'itemId', 'formItemId', 'formQuestions'],
      `GET ${session.baseUrl}${path} ${why}`,
    );
    return dataset;
  }
  const list = sections as SectionJson[];
  const firstSection = list[0]?.id;
  if (typeof firstSection === 'number') dataset.sectionId = firstSection;
  else miss(dataset, ['sectionId'], `trail ${trailId} has no sections`);

  // A locked item (423) is an answer the search expects, not a failed request for k6.
  const fetchItem = (itemId: number) =>
    get(client, session, 'trail_item_detail', `/trails/${trailId}/items/${itemId}`, [200, 423]);
  const item = await pickProgressItem(list, fetchItem);
  if (item.item) {
    dataset.itemId = item.item.id;
    dataset.itemType = item.item.type;
    dataset.itemDurationSeconds = item.item.durationSeconds;
  } else {
    miss(dataset, ['itemId'], `trail ${trailId}: ${item.problem}`);
  }
  const form = await pickFormItem(list, fetchItem);
  if (form.formItemId !== null) dataset.formItemId = form.formItemId;
  if (form.questions !== null) dataset.formQuestions = form.questions;
  else
    miss(
      dataset,
      form.formItemId === null ? ['formItemId', 'formQuestions'] : ['formQuestions'],
      `trail ${trailId}: ${form.problem}`,
    );
  return dataset;
}

function miss(dataset: Dataset, fields: DatasetField[], problem: string): void {
  for (const field of fields) if (!dataset.missing.includes(field)) dataset.missing.push(field);
  dataset.problems.push(problem);
}

async function get(
  client: HttpClient,
  session: Session,
  route: RequestKey,
  path: string,
  expectedStatuses?: number[],
) {
  const response = await send(client, {
    method: 'GET',
    baseUrl: session.baseUrl,
    path,
    route,
    headers: sessionHeaders(session),
    step: 'hydrate',
    expectedStatuses,
  });
  refreshFrom(session, response);
  return response;
}
