import type { ProgressEntry as Entry } from '@rota-perf/rota-db';

/** A progress-map entry with ISO timestamps, as the API sends them. */
type ProgressEntry = Entry<string>;

function certificateOf(entry: ProgressEntry) {
  const c = entry.certificate;
  return c ? { hash: c.hash, credential_id: c.credentialId, issued_at: c.issuedAt } : undefined;
}

/** The keys both shapes of a progress entry share. */
function progressKeys(entry: ProgressEntry) {
  return {
    done: entry.done,
    total: entry.total,
    computed_progress_percent: entry.computedProgressPercent,
    nextAction: entry.nextAction,
    enrolledAt: entry.enrolledAt,
    status: entry.status,
    completed_at: entry.completedAt,
  };
}

/** The raw progress-map entry, as the enroll response embeds it. */
export function toProgressEntryJson(entry: ProgressEntry) {
  const certificate = certificateOf(entry);
  return {
    ...progressKeys(entry),
    review_rating: entry.reviewRating,
    review_comment: entry.reviewComment,
    // The key is absent when there is no certificate.
    ...(certificate ? { certificate } : {}),
  };
}

/** `ProgressOut`: review keys dropped, certificate null when absent. */
export function toProgressOut(entry: ProgressEntry) {
  return {
    ...progressKeys(entry),
    certificate: certificateOf(entry) ?? null,
  };
}
