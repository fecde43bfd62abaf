// The names of the Rota API requests the tools send, as route templates (`GET /trails/:id`).
// Every request carries one as its k6 `name` tag, which k6 copies into the `url` tag: its
// samples then group by route, not by URL. A raw URL holds the port and the ids, so each run
// (and each item looked up) would be a metric, series row and report line of its own.
// The endpoint catalogue (labels) and bootstrap-auth (setup requests) both take them from here.

/** Request name (method and route template) of each Rota endpoint, by endpoint key. */
export const REQUEST_NAMES = {
  trails_showcase: 'GET /trails/showcase',
  trails_list: 'GET /trails/',
  trails_detail: 'GET /trails/:id',
  trails_sections: 'GET /trails/:id/sections',
  trails_section_items: 'GET /trails/:id/sections/:sectionId/items',
  trails_sections_with_items: 'GET /trails/:id/sections-with-items',
  trails_included_items: 'GET /trails/:id/included-items',
  trails_requirements: 'GET /trails/:id/requirements',
  trails_audience: 'GET /trails/:id/audience',
  trails_learn: 'GET /trails/:id/learn',
  trail_item_detail: 'GET /trails/:id/items/:itemId',
  auth_login: 'POST /auth/login',
  auth_register: 'POST /auth/register',
  user_trail_enroll: 'POST /user-trails/:id/enroll',
  user_trail_progress: 'GET /user-trails/:id/progress',
  user_trail_items_progress: 'GET /user-trails/:id/items-progress',
  user_trail_sections_progress: 'GET /user-trails/:id/sections-progress',
  me_profile: 'GET /me',
  trail_item_progress: 'PUT /trails/:id/items/:itemId/progress',
  trail_form_submission: 'POST /trails/:id/items/:formItemId/form-submissions',
} as const;

/** Key of a named Rota request (`trails_detail`, `auth_register`, …). */
export type RequestKey = keyof typeof REQUEST_NAMES;
