import { parseJson } from './http.js';
import type { FormQuestion, HttpResponse } from './types.js';

/** An item as `GET /trails/:id/sections-with-items` lists it (docs/rota-api.md §2.2 ItemOut). */
export interface ItemJson {
  id?: unknown;
  type?: unknown;
  duration_seconds?: unknown;
}

/** A section of `sections-with-items`. */
export interface SectionJson {
  id?: unknown;
  items?: ItemJson[];
}

/** The progress item picked, in the dataset's terms. */
export interface PickedItem {
  id: number;
  type: string | null;
  durationSeconds: number;
}

type FetchItem = (itemId: number) => Promise<HttpResponse>;

// Detail requests are the only way to learn whether an item is locked for this user; bound
// them so a trail with hundreds of locked items cannot stall setup.
const MAX_DETAIL_REQUESTS = 10;

/**
 * True when the k6 progress body would trip the video skip-ahead rule (docs/rota-api.md §6 point 9):
 * it sends min(max(10, floor(0.3·d)), d) (30 when d is 0), the server allows a jump of
 * max(30, floor(0.1·d)). Computed rather than hard-coded, so it stays exact at every d.
 */
export function isUnsafeForProgress(type: string | null, durationSeconds: number): boolean {
  if (type !== 'VIDEO') return false;
  const d = durationSeconds;
  const sent = d > 0 ? Math.min(Math.max(10, Math.floor(0.3 * d)), d) : 30;
  const window = d > 0 ? Math.max(30, Math.floor(0.1 * d)) : 30;
  return sent > window;
}

/** First item (first section's first item preferred) that is unlocked and progress-safe. */
export async function pickProgressItem(
  sections: SectionJson[],
  fetchItem: FetchItem,
): Promise<{ item: PickedItem | null; problem: string }> {
  const items = flatten(sections);
  if (items.length === 0) return { item: null, problem: 'no section has any item' };
  let longVideos = 0;
  let locked = 0;
  let requests = 0;
  for (const item of items) {
    if (isUnsafeForProgress(item.type, item.durationSeconds)) {
      longVideos++;
      continue;
    }
    if (requests >= MAX_DETAIL_REQUESTS) break;
    requests++;
    const response = await fetchItem(item.id);
    if (response.status === 200) return { item, problem: '' };
    locked++;
  }
  return {
    item: null,
    problem: `no item is safe for progress writes (${longVideos} long videos over the skip-ahead window, ${locked} locked or failing item details, ${items.length} items)`,
  };
}

/** First FORM item whose detail answers with questions a submission can answer. */
export async function pickFormItem(
  sections: SectionJson[],
  fetchItem: FetchItem,
): Promise<{ formItemId: number | null; questions: FormQuestion[] | null; problem: string }> {
  const forms = flatten(sections).filter((item) => item.type === 'FORM');
  if (forms.length === 0) return { formItemId: null, questions: null, problem: 'no FORM item' };
  const reasons: string[] = [];
  for (const form of forms.slice(0, MAX_DETAIL_REQUESTS)) {
    const response = await fetchItem(form.id);
    if (response.status !== 200) {
      reasons.push(`FORM item ${form.id} detail returned ${response.status}`);
      continue;
    }
    const questions = readQuestions(response.body);
    if (questions === null || questions.length === 0) {
      reasons.push(`FORM item ${form.id} has no questions`);
      continue;
    }
    return { formItemId: form.id, questions, problem: '' };
  }
  return { formItemId: forms[0]?.id ?? null, questions: null, problem: reasons.join('; ') };
}

function flatten(sections: SectionJson[]): PickedItem[] {
  const items: PickedItem[] = [];
  for (const section of sections) {
    for (const item of section.items ?? []) {
      if (typeof item.id !== 'number') continue;
      items.push({
        id: item.id,
        type: typeof item.type === 'string' ? item.type : null,
        durationSeconds: typeof item.duration_seconds === 'number' ? item.duration_seconds : 0,
      });
    }
  }
  return items;
}

function readQuestions(body: string | null): FormQuestion[] | null {
  const detail = parseJson(body) as {
    form?: {
      questions?: Array<{ id?: unknown; type?: unknown; options?: Array<{ id?: unknown }> }>;
    };
  } | null;
  const questions = detail?.form?.questions;
  if (!Array.isArray(questions)) return null;
  const result: FormQuestion[] = [];
  for (const question of questions) {
    if (typeof question.id !== 'number') continue;
    const option = question.options?.[0]?.id;
    result.push({
      id: question.id,
      firstOptionId: typeof option === 'number' ? option : null,
      type: typeof question.type === 'string' ? question.type : null,
    });
  }
  return result;
}
