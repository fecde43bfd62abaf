import { type FormRow, type ItemRow, roundPercent } from '@rota-perf/rota-db';
import type { FastifyInstance } from 'fastify';
import { extractYoutubeId, resourceKindOf } from '../domain/items.js';
import { scoreSubmission } from '../domain/scoring.js';
import { checkVideoRules, effectiveProgress } from '../domain/video-rules.js';
import { readJsonBody } from '../http/body.js';
import { abort, detailError, HttpError } from '../http/errors.js';
import { idParam } from '../http/params.js';
import { defineRoute, ID, sendJson } from '../http/routes.js';
import { enforceCsrf } from '../security/session.js';
import { validateFormSubmissionBody, validateProgressBody } from '../validation/progress-bodies.js';
import type { RouteContext } from './context.js';
import { requireUser, requireUserAnd } from './me.js';

const ITEM_PATH = `/trails/:trailId${ID}/items/:itemId${ID}`;
const FORM_NOT_FOUND = 'Formulário não encontrado para este item';

async function requireUnlocked(ctx: RouteContext, userId: number, item: ItemRow) {
  const blocker = await ctx.repos.items.findBlockingItem(userId, item.trailId, item.id);
  if (blocker) {
    throw detailError(423, {
      detail: 'Conclua o item obrigatório antes de prosseguir.',
      reason: 'item_locked',
      blocked_item: { id: blocker.id, title: blocker.title ?? '' },
    });
  }
}

const QUESTION_TYPES = new Set(['ESSAY', 'TRUE_OR_FALSE', 'SINGLE_CHOICE']);

function toFormJson(form: FormRow) {
  return {
    id: form.id,
    title: form.title,
    description: form.description,
    min_score_to_pass: form.minScoreToPass,
    randomize_questions: form.randomizeQuestions,
    questions: form.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt ?? '',
      type: QUESTION_TYPES.has(q.type) ? q.type : 'UNKNOWN',
      required: q.required,
      order_index: q.orderIndex,
      points: q.points,
      options: q.options.map((o) => ({ id: o.id, text: o.text, order_index: o.orderIndex })),
    })),
  };
}

function itemTypeOf(item: ItemRow): string {
  return item.type ?? 'DOC';
}

async function itemInTrail(ctx: RouteContext, trailId: number, itemId: number, message: string) {
  const item = await ctx.repos.items.getItemInTrail(trailId, itemId);
  if (!item) throw abort(404, message);
  return item;
}

/**
 * What both writes to an item check first, in the original's order: the body (400/422), the
 * CSRF token, the session's user (401), then the item, which must be in the trail (404).
 */
async function itemWrite<T>(
  ctx: RouteContext,
  request: Parameters<typeof requireUser>[1],
  validate: (body: unknown) => T | HttpError,
) {
  const body = validate(readJsonBody(request));
  if (body instanceof HttpError) throw body;
  enforceCsrf(request, ctx.config);
  const user = await requireUser(ctx, request);
  const item = await itemInTrail(
    ctx,
    idParam(request, 'trailId'),
    idParam(request, 'itemId'),
    'Item não encontrado na trilha',
  );
  return { body, user, item };
}

/** Item detail, PUT progress and form submissions (docs/rota-api.md §2.3, rows 13, 19, 20). */
export function registerItemRoutes(app: FastifyInstance, ctx: RouteContext): void {
  defineRoute(app, ctx, ITEM_PATH, (ctx) => ({
    GET: async (request, reply) => {
      // Ids are parsed inside the read so that a bad session (401) still answers first.
      const { user, result: item } = await requireUserAnd(ctx, request, async () =>
        itemInTrail(
          ctx,
          idParam(request, 'trailId'),
          idParam(request, 'itemId'),
          'Item não encontrado',
        ),
      );
      // Read-only: the neighbours (and the form) are asked for with the lock check; the checks
      // still answer in the original's order (423, then 500 for an unknown type, then 404).
      const type = itemTypeOf(item);
      const adjacent = ctx.repos.items.getAdjacentItems(item);
      const formRead = type === 'FORM' ? ctx.repos.forms.getFormForItem(item.id) : null;
      adjacent.catch(() => {});
      formRead?.catch(() => {});
      await requireUnlocked(ctx, user.userId, item);
      if (!['VIDEO', 'DOC', 'FORM'].includes(type)) throw abort(500, 'Internal Server Error');
      const form = formRead ? await formRead : null;
      if (type === 'FORM' && !form) throw abort(404, FORM_NOT_FOUND);
      const { prevItemId: prev, nextItemId: next } = await adjacent;
      const url = item.url.trim();
      sendJson(reply, {
        id: item.id,
        trail_id: item.trailId,
        section_id: item.sectionId,
        title: item.title ?? '',
        type,
        youtubeId: type === 'VIDEO' ? extractYoutubeId(item.url) : '',
        duration_seconds: item.durationSeconds,
        required_percentage: 70,
        description_html: form?.description ?? '',
        prev_item_id: prev,
        next_item_id: next,
        form: form ? toFormJson(form) : null,
        requires_completion: item.requiresCompletion,
        resource_url: type === 'DOC' ? url || null : null,
        resource_kind: type === 'DOC' ? resourceKindOf(url) : null,
      });
    },
  }));
  defineRoute(app, ctx, `${ITEM_PATH}/progress`, (ctx) => ({
    PUT: async (request, reply) => {
      const { body, user, item } = await itemWrite(ctx, request, validateProgressBody);
      await requireUnlocked(ctx, user.userId, item);
      let stored = body.progressValue;
      if (itemTypeOf(item) === 'VIDEO') {
        const existing = await ctx.repos.userProgress.getProgressValue(user.userId, item.id);
        const duration = item.durationSeconds ?? 0;
        if (user.role !== 'Admin' && user.role !== 'Manager') {
          const outcome = checkVideoRules({
            existing,
            reported: body.progressValue,
            duration,
            status: body.status,
          });
          if (outcome === 'skip_ahead_blocked') {
            throw detailError(403, {
              detail:
                'Você não pode adiantar o vídeo. Assista na ordem para registrar o progresso.',
              reason: 'skip_ahead_blocked',
            });
          }
          if (outcome === 'insufficient_watch_time') {
            throw detailError(422, {
              detail: 'Finalize o vídeo antes de marcar como concluído.',
              reason: 'insufficient_watch_time',
            });
          }
        }
        stored = effectiveProgress(existing, body.progressValue, duration);
      }
      await ctx.repos.userTrails.ensureEnrollment(user.userId, item.trailId);
      await ctx.repos.userProgress.saveItemProgress({
        userId: user.userId,
        itemId: item.id,
        status: body.status,
        progressValue: stored,
      });
      sendJson(reply, { ok: true });
    },
  }));
  defineRoute(app, ctx, `${ITEM_PATH}/form-submissions`, (ctx) => ({
    POST: async (request, reply) => {
      const { body, user, item } = await itemWrite(ctx, request, validateFormSubmissionBody);
      if (itemTypeOf(item) !== 'FORM') throw abort(400, 'Este item não é um formulário');
      await requireUnlocked(ctx, user.userId, item);
      const form = await ctx.repos.forms.getFormForItem(item.id);
      if (!form) throw abort(404, FORM_NOT_FOUND);
      await ctx.repos.userTrails.ensureEnrollment(user.userId, item.trailId);
      const scored = scoreSubmission(form, body.answers);
      if (!('answers' in scored)) throw detailError(422, scored);
      const submissionId = await ctx.repos.forms.insertSubmission({
        formId: form.id,
        userId: user.userId,
        score: roundPercent(scored.scorePercent),
        passed: scored.passed,
        durationSeconds: body.durationSeconds,
        answers: scored.answers,
      });
      if (scored.passed === true) {
        await ctx.repos.userProgress.saveItemProgress({
          userId: user.userId,
          itemId: item.id,
          status: 'COMPLETED',
          progressValue: null,
          lastPassedSubmissionId: submissionId,
        });
      }
      sendJson(reply, {
        submission_id: submissionId,
        score: roundPercent(scored.scorePercent),
        score_points: scored.scorePoints,
        max_points: scored.maxPoints,
        max_score: scored.maxPoints > 0 ? 100 : 0,
        passed: scored.passed,
        requires_manual_review: scored.requiresManualReview,
        answers: scored.answers.map((a) => ({
          question_id: a.questionId,
          is_correct: a.isCorrect,
          points_awarded: a.pointsAwarded,
        })),
      });
    },
  }));
}
