import { describe, expect, it } from 'vitest';
import { authHeaders, registerUser, type Session } from './test-support/client.js';
import { useHarness } from './test-support/harness.js';

const itemUrl = (item: number, trail = h.content.alpha) => `${h.url}/trails/${trail}/items/${item}`;

function putProgress(user: Session, item: number, body: unknown, trail = h.content.alpha) {
  return fetch(`${itemUrl(item, trail)}/progress`, {
    method: 'PUT',
    headers: authHeaders(user, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });
}

function submitForm(user: Session, body: unknown, item = h.content.form) {
  return fetch(`${itemUrl(item)}/form-submissions`, {
    method: 'POST',
    headers: authHeaders(user, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });
}

async function itemsProgress(user: Session) {
  const response = await fetch(`${h.url}/user-trails/${h.content.alpha}/items-progress`, {
    headers: { cookie: user.cookie },
  });
  return (await response.json()) as Array<{
    item_id: number;
    status: string | null;
    progress_value: number | null;
    completed_at: string | null;
  }>;
}

const h = useHarness();
describe('GET /trails/<id>/items/<iid>', () => {
  it('returns DOC, FORM and VIDEO details with the contract fields', async () => {
    const user = await registerUser(h.url);
    const get = async (item: number) => {
      const response = await fetch(itemUrl(item), { headers: { cookie: user.cookie } });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown> & {
        form: { questions: Array<Record<string, unknown> & { options: unknown[] }> };
      };
    };
    const doc = await get(h.content.doc);
    expect(doc).toMatchObject({
      id: h.content.doc,
      trail_id: h.content.alpha,
      section_id: h.content.sections[0],
      type: 'DOC',
      youtubeId: '',
      required_percentage: 70,
      description_html: '',
      prev_item_id: null,
      next_item_id: h.content.form,
      form: null,
      resource_url: 'https://example.org/docs/intro.pdf',
      resource_kind: 'PDF',
      requires_completion: false,
    });
    const form = await get(h.content.form);
    expect(form).toMatchObject({
      type: 'FORM',
      description_html: 'Answer <b>all</b>',
      prev_item_id: h.content.doc,
      next_item_id: h.content.video,
      resource_url: null,
      resource_kind: null,
    });
    expect(form.form).toMatchObject({
      id: h.content.formId,
      min_score_to_pass: 60,
      randomize_questions: null,
    });
    expect(form.form.questions.map((q) => [q.id, q.type, q.required, q.points])).toEqual([
      [h.content.questions.single, 'SINGLE_CHOICE', true, 2],
      [h.content.questions.trueFalse, 'TRUE_OR_FALSE', false, 1],
      [h.content.questions.essay, 'ESSAY', false, 1],
    ]);
    // Options sorted by order_index; is_correct never exposed.
    expect(form.form.questions[0]?.options).toEqual([
      { id: h.content.options.right, text: 'Right', order_index: 0 },
      { id: h.content.options.wrong, text: 'Wrong', order_index: 1 },
    ]);
    const video = await get(h.content.video);
    expect(video).toMatchObject({
      type: 'VIDEO',
      youtubeId: 'abcDEF_123',
      duration_seconds: h.content.videoDuration,
      next_item_id: null,
      requires_completion: true,
    });
  });

  it('answers 401 without a session, 404 for an item of another trail, 423 when locked', async () => {
    expect((await fetch(itemUrl(h.content.doc))).status).toBe(401);
    const user = await registerUser(h.url);
    const foreign = await fetch(itemUrl(h.content.doc, h.content.beta), {
      headers: { cookie: user.cookie },
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ message: 'Item não encontrado' });
    const locked = await fetch(itemUrl(h.content.lockedDoc), { headers: { cookie: user.cookie } });
    expect(locked.status).toBe(423);
    expect(await locked.json()).toEqual({
      detail: 'Conclua o item obrigatório antes de prosseguir.',
      reason: 'item_locked',
      blocked_item: { id: h.content.video, title: 'Video' },
    });
  });
});

describe('PUT /trails/<id>/items/<iid>/progress', () => {
  it('upserts: auto-enrols, keeps progress_value monotonic and never leaves COMPLETED', async () => {
    const user = await registerUser(h.url);
    expect(
      (await putProgress(user, h.content.doc, { status: 'IN_PROGRESS', progress_value: 40 }))
        .status,
    ).toBe(200);
    expect(
      (await putProgress(user, h.content.doc, { status: 'IN_PROGRESS', progress_value: 10 }))
        .status,
    ).toBe(200);
    let row = (await itemsProgress(user)).find((r) => r.item_id === h.content.doc);
    expect(row).toMatchObject({ status: 'IN_PROGRESS', progress_value: 40, completed_at: null });
    const done = await putProgress(user, h.content.doc, { status: 'COMPLETED' });
    expect(await done.json()).toEqual({ ok: true });
    row = (await itemsProgress(user)).find((r) => r.item_id === h.content.doc);
    expect(row?.status).toBe('COMPLETED');
    const completedAt = row?.completed_at;
    expect(completedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?\+00:00$/);
    await putProgress(user, h.content.doc, { status: 'IN_PROGRESS', progress_value: 50 });
    row = (await itemsProgress(user)).find((r) => r.item_id === h.content.doc);
    expect(row).toMatchObject({
      status: 'COMPLETED',
      progress_value: 50,
      completed_at: completedAt,
    });
    const progress = await fetch(`${h.url}/user-trails/${h.content.alpha}/progress`, {
      headers: { cookie: user.cookie },
    });
    expect(await progress.json()).toMatchObject({
      done: 1,
      total: 4,
      computed_progress_percent: 25,
      status: 'IN_PROGRESS',
      nextAction: 'Continuar',
    });
  });

  it('applies the video rules: skip-ahead 403, insufficient watch time 422, capped at the duration', async () => {
    const user = await registerUser(h.url);
    const d = h.content.videoDuration;
    const window = Math.max(30, Math.floor(0.1 * d));
    const skip = await putProgress(user, h.content.video, {
      status: 'IN_PROGRESS',
      progress_value: window + 1,
    });
    expect(skip.status).toBe(403);
    expect(await skip.json()).toMatchObject({ reason: 'skip_ahead_blocked' });
    expect(
      (await putProgress(user, h.content.video, { status: 'IN_PROGRESS', progress_value: window }))
        .status,
    ).toBe(200);
    const early = await putProgress(user, h.content.video, { status: 'COMPLETED' });
    expect(early.status).toBe(422);
    expect(await early.json()).toEqual({
      detail: 'Finalize o vídeo antes de marcar como concluído.',
      reason: 'insufficient_watch_time',
    });
    // Admins skip the video rules; the stored value is capped at the duration.
    const admin = await registerUser(h.url, { role: 'Admin' });
    expect(
      (await putProgress(admin, h.content.video, { status: 'IN_PROGRESS', progress_value: d * 5 }))
        .status,
    ).toBe(200);
    expect(
      (await itemsProgress(admin)).find((r) => r.item_id === h.content.video)?.progress_value,
    ).toBe(d);
  });

  it('validates first (422 before CSRF), then CSRF, then 404 and 423', async () => {
    const invalid = await fetch(`${itemUrl(h.content.doc)}/progress`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'NOT_STARTED' }),
    });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { detail: Array<{ type: string }> }).detail[0]?.type).toBe(
      'literal_error',
    );
    const noCsrf = await fetch(`${itemUrl(h.content.doc)}/progress`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'IN_PROGRESS' }),
    });
    expect(noCsrf.status).toBe(403);
    const user = await registerUser(h.url);
    const foreign = await putProgress(
      user,
      h.content.doc,
      { status: 'IN_PROGRESS' },
      h.content.beta,
    );
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ message: 'Item não encontrado na trilha' });
    expect((await putProgress(user, h.content.lockedDoc, { status: 'IN_PROGRESS' })).status).toBe(
      423,
    );
  });
});

describe('POST /trails/<id>/items/<iid>/form-submissions', () => {
  it('scores, stores a submission and completes the item when passed', async () => {
    const user = await registerUser(h.url);
    const { questions: q, options: o } = h.content;
    const response = await submitForm(user, {
      duration_seconds: 30,
      answers: [
        { question_id: q.single, selected_option_id: o.right, answer_text: null },
        { question_id: q.trueFalse, selected_option_id: null, answer_text: null },
      ],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const expectedScore = Math.round((2 / 3) * 100 * 100) / 100;
    expect(body).toMatchObject({
      score: expectedScore,
      score_points: 2,
      max_points: 3,
      max_score: 100,
      passed: true,
      requires_manual_review: false,
    });
    expect(body.submission_id).toEqual(expect.any(Number));
    expect(body.answers).toEqual([
      { question_id: q.single, is_correct: true, points_awarded: 2 },
      { question_id: q.trueFalse, is_correct: false, points_awarded: 0 },
      { question_id: q.essay, is_correct: null, points_awarded: null },
    ]);
    expect((await itemsProgress(user)).find((r) => r.item_id === h.content.form)?.status).toBe(
      'COMPLETED',
    );
  });

  it('returns passed=null when an essay needs review and 200 when failing', async () => {
    const user = await registerUser(h.url);
    const { questions: q, options: o } = h.content;
    const review = await submitForm(user, {
      answers: [
        { question_id: q.single, selected_option_id: o.right },
        { question_id: q.essay, answer_text: ' text ' },
      ],
    });
    expect(await review.json()).toMatchObject({ passed: null, requires_manual_review: true });
    const fail = await submitForm(user, {
      answers: [{ question_id: q.single, selected_option_id: o.wrong }],
    });
    expect(fail.status).toBe(200);
    expect(await fail.json()).toMatchObject({ passed: false, score: 0 });
    expect(
      (await itemsProgress(user)).find((r) => r.item_id === h.content.form)?.status,
    ).toBeNull();
  });

  it('answers 422 for invalid/missing questions and foreign options, 400 for a non-form item (checked before the lock)', async () => {
    const user = await registerUser(h.url);
    const { questions: q, options: o } = h.content;
    const invalid = await submitForm(user, {
      answers: [{ question_id: 999999, selected_option_id: null }],
    });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({ invalid_questions: [999999] });
    const missing = await submitForm(user, {
      answers: [{ question_id: q.essay, answer_text: 'x' }],
    });
    expect(await missing.json()).toMatchObject({ missing_questions: [q.single] });
    const option = await submitForm(user, {
      answers: [{ question_id: q.single, selected_option_id: o.tfTrue }],
    });
    expect(option.status).toBe(422);
    expect(await option.json()).toEqual({
      detail: `Opção inválida para a questão ${q.single}`,
      question_id: q.single,
    });
    const notForm = await submitForm(user, { answers: [] }, h.content.doc);
    expect(notForm.status).toBe(400);
    expect(await notForm.json()).toMatchObject({ message: 'Este item não é um formulário' });
    expect((await submitForm(user, { answers: [] }, h.content.lockedDoc)).status).toBe(400);
    expect((await submitForm(user, { answers: 'nope' })).status).toBe(422);
  });
});
