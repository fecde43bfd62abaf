/** Rows returned by the repositories: plain objects, ids and NUMERIC values as numbers. */

/** Limit/offset of a list query. */
export interface Window {
  offset?: number;
  limit?: number;
}

/** One page of a list plus the total count of the unpaginated query. */
export interface Page<T> {
  rows: T[];
  total: number;
}

/** A `trails` row without the legacy array columns. */
export interface TrailRow {
  id: number;
  name: string;
  thumbnailUrl: string;
  author: string | null;
  review: number | null;
  reviewCount: number | null;
  description: string | null;
  createdDate: string | null;
  createdBy: number | null;
}

/** A `trail_sections` row as the API lists it. */
export interface SectionRow {
  id: number;
  trailId: number;
  title: string;
  orderIndex: number;
}

/** A trail item with its `lk_item_type` code and the resolved requires-completion flag. */
export interface ItemRow {
  id: number;
  trailId: number;
  sectionId: number | null;
  title: string | null;
  url: string;
  durationSeconds: number | null;
  orderIndex: number | null;
  /** `lk_item_type.code`, null when `item_type_id` is null (not the legacy enum). */
  type: string | null;
  /** `requires_completion`, else `requires_completion_yn` = 'S' (any case), else false. */
  requiresCompletion: boolean;
}

/** A section with its items ordered (order_index, id). */
export interface SectionWithItems extends SectionRow {
  items: ItemRow[];
}

/** `ItemOut` JSON of docs/rota-api.md §2.2, keys in sorted order. */
export interface ItemJson {
  duration_seconds: number | null;
  id: number;
  order_index: number | null;
  requires_completion: boolean;
  title: string;
  type: string | null;
}

/** One entry of the sections-with-items response body, keys in sorted order. */
export interface SectionWithItemsJson {
  id: number;
  items: ItemJson[];
  order_index: number;
  title: string;
}

/** A row of trail_included_items / trail_requirements / trail_target_audience. */
export interface TextRow {
  id: number;
  textVal: string;
  ord: number;
}

/** A user with lookup codes resolved (role/sex may be null as the DDL allows). */
export interface UserRow {
  userId: number;
  email: string;
  username: string | null;
  passwordHash: string;
  nameForCertificate: string;
  socialName: string | null;
  birthday: string;
  profilePicUrl: string | null;
  bannerPicUrl: string | null;
  createdAt: Date | null;
  roleId: number | null;
  sexId: number | null;
  colorId: number;
  role: string | null;
  sex: string | null;
  color: string | null;
}

/** A `user_trails` row with its status code. */
export interface EnrollmentRow {
  id: number;
  userId: number;
  trailId: number;
  status: string | null;
  progressPercent: number;
  startedAt: Date | null;
  completedAt: Date | null;
  reviewRating: number | null;
  reviewComment: string | null;
}

/** A certificate as the progress map shows it (`T`: Date, or ISO text for the API). */
export interface CertificateInfo<T = Date> {
  hash: string;
  credentialId: string;
  issuedAt: T | null;
}

/** One progress-map entry (docs/rota-api.md §2.2); `certificate` is absent, not null, without one. */
export interface ProgressEntry<T = Date> {
  done: number;
  total: number;
  computedProgressPercent: number;
  nextAction: 'Começar' | 'Continuar' | 'Revisar';
  enrolledAt: T | null;
  status: string | null;
  completedAt: T | null;
  reviewRating: number | null;
  reviewComment: string | null;
  certificate?: CertificateInfo<T>;
}

/** Per-item progress in lock order (items-progress); `T`: Date, or ISO text for the API. */
export interface ItemProgressRow<T = Date> {
  itemId: number;
  status: string | null;
  progressValue: number | null;
  completedAt: T | null;
}

/** Per-section progress (sections-progress). */
export interface SectionProgressRow {
  sectionId: number;
  title: string;
  total: number;
  done: number;
  percent: number;
}

/** A `user_item_progress` row with its status code. */
export interface ItemProgressRecord {
  id: number;
  userId: number;
  trailItemId: number;
  status: string | null;
  progressValue: number | null;
  lastInteraction: Date | null;
  completedAt: Date | null;
  lastPassedSubmissionId: number | null;
}
