import { BootstrapError } from './errors.js';
import { parseJson, send, unexpectedStatus } from './http.js';
import { refreshFrom, sessionHeaders } from './session.js';
import type { HttpClient, Session } from './types.js';

/** What the enroll endpoint reports back. */
export interface Enrolment {
  trailId: number;
  firstItemId: number | null;
}

/** Enrols the session's user in a trail; safe to repeat (the endpoint is idempotent). */
export async function enrol(
  client: HttpClient,
  session: Session,
  trailId: number,
): Promise<Enrolment> {
  if (session.csrfToken === null) {
    throw new BootstrapError(
      `cannot enrol in trail ${trailId}: the server sent no CSRF token at login (no X-CSRF-Token header and no CSRF cookie; set CSRF_COOKIE_NAME)`,
    );
  }
  const path = `/user-trails/${trailId}/enroll`;
  const response = await send(client, {
    method: 'POST',
    baseUrl: session.baseUrl,
    path,
    route: 'user_trail_enroll',
    headers: sessionHeaders(session),
    step: 'enrol',
  });
  if (response.status !== 200) {
    throw unexpectedStatus('POST', session.baseUrl + path, response);
  }
  refreshFrom(session, response);
  const body = parseJson(response.body) as { first_item_id?: unknown } | null;
  const first = body?.first_item_id;
  return { trailId, firstItemId: typeof first === 'number' ? first : null };
}
