/** A user as the API needs it: lookup ids already resolved to codes. */
export interface UserRecord {
  userId: number;
  email: string;
  username: string;
  passwordHash: string;
  profilePicUrl: string | null;
  bannerPicUrl: string | null;
  role: string;
  sex: string;
  color: string;
}

/** Input for a new user; codes are resolved to lookup ids by the store. */
export interface NewUser {
  email: string;
  passwordHash: string;
  nameForCertificate: string;
  username: string;
  sex: string;
  color: string;
  role: string;
  birthday: string;
  socialName: string | null;
}

/** Columns of `trails` that `TrailOut` shows. */
export interface TrailRecord {
  id: number;
  name: string;
  thumbnailUrl: string;
  author: string | null;
  review: number | null;
  reviewCount: number | null;
  description: string | null;
}

/** One entry of the progress map (contract §2.2). */
export interface ProgressEntry {
  done: number;
  total: number;
  computedProgressPercent: number;
  nextAction: string;
  enrolledAt: string | null;
  status: string | null;
  completedAt: string | null;
  reviewRating: number | null;
  reviewComment: string | null;
  certificate?: { hash: string; credentialId: string; issuedAt: string | null };
}

/** A section row. */
export interface SectionRecord {
  id: number;
  title: string;
  orderIndex: number;
}

/** An item as listed in sections (`ItemOut` source). */
export interface ItemRecord {
  id: number;
  title: string | null;
  durationSeconds: number | null;
  orderIndex: number | null;
  type: string | null;
  requiresCompletion: boolean;
}

/** `ItemOut` JSON, keys in sorted order. */
export interface ItemJson {
  duration_seconds: number | null;
  id: number;
  order_index: number | null;
  requires_completion: boolean;
  title: string;
  type: string | null;
}

/** One entry of the sections-with-items response, keys in sorted order. */
export interface SectionWithItemsJson {
  id: number;
  items: ItemJson[];
  order_index: number;
  title: string;
}

/** An item with everything the detail, progress and form routes need. */
export interface ItemFull extends ItemRecord {
  trailId: number;
  sectionId: number | null;
  url: string;
}

/** A form question with its options, including the correctness the API never exposes. */
export interface QuestionRecord {
  id: number;
  prompt: string | null;
  type: string;
  required: boolean;
  orderIndex: number;
  points: number;
  options: Array<{ id: number; text: string | null; orderIndex: number; isCorrect: boolean }>;
}

/** A form with questions sorted by (order_index, id). */
export interface FormRecord {
  id: number;
  title: string | null;
  description: string | null;
  minScoreToPass: number;
  randomizeQuestions: boolean | null;
  questions: QuestionRecord[];
}

/** Per-item progress row for items-progress. */
export interface ItemProgressRecord {
  itemId: number;
  status: string | null;
  progressValue: number | null;
  completedAt: string | null;
}

/** Per-section progress row for sections-progress. */
export interface SectionProgressRecord {
  sectionId: number;
  title: string;
  total: number;
  done: number;
}

/** A submission to insert, already scored. */
export interface NewSubmission {
  formId: number;
  userId: number;
  score: number;
  passed: boolean | null;
  durationSeconds: number | null;
  answers: Array<{
    questionId: number;
    selectedOptionId: number | null;
    answerText: string | null;
    isCorrect: boolean | null;
    pointsAwarded: number | null;
  }>;
}

/** Everything the routes read or write; one method per query or transaction. */
export interface RotaStore {
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(userId: number): Promise<UserRecord | null>;
  /** True when the email or the username is already taken. */
  userExists(email: string, username: string): Promise<boolean>;
  /** Inserts the user, or returns 'duplicate' when the email or username is taken. */
  createUser(user: NewUser): Promise<UserRecord | 'duplicate'>;
  listShowcase(): Promise<TrailRecord[]>;
  listTrails(offset: number, limit: number): Promise<{ rows: TrailRecord[]; total: number }>;
  getTrail(trailId: number): Promise<TrailRecord | null>;
  /** The progress map without a sync (contract §2.2). */
  getProgressMap(userId: number, trailIds: number[]): Promise<Map<number, ProgressEntry>>;
  /** Recomputes `user_trails` for an enrolled user; no-op otherwise. */
  syncTrailProgress(userId: number, trailId: number): Promise<void>;
  listSections(
    trailId: number,
    offset: number,
    limit: number,
  ): Promise<{ rows: SectionRecord[]; total: number }>;
  listSectionItems(
    trailId: number,
    sectionId: number,
    offset: number,
    limit: number,
  ): Promise<{ rows: ItemRecord[]; total: number }>;
  /** Sections with their `ItemOut` items, already in response shape with sorted keys. */
  listSectionsWithItems(trailId: number): Promise<SectionWithItemsJson[]>;
  listTrailTexts(
    kind: 'included' | 'requirements' | 'audience',
    trailId: number,
  ): Promise<string[]>;
  getItemInTrail(trailId: number, itemId: number): Promise<ItemFull | null>;
  findBlockingItem(
    userId: number,
    trailId: number,
    itemId: number,
  ): Promise<{ id: number; title: string | null } | null>;
  getNeighbourIds(item: ItemFull): Promise<{ prev: number | null; next: number | null }>;
  getFormForItem(itemId: number): Promise<FormRecord | null>;
  /** Idempotent enrollment; a missing trail raises (the original answers 500). */
  ensureEnrollment(userId: number, trailId: number): Promise<void>;
  isEnrolled(userId: number, trailId: number): Promise<boolean>;
  firstItemId(trailId: number): Promise<number | null>;
  getItemsProgress(userId: number, trailId: number): Promise<ItemProgressRecord[]>;
  getSectionsProgress(userId: number, trailId: number): Promise<SectionProgressRecord[]>;
  getStoredProgressValue(userId: number, itemId: number): Promise<number | null>;
  /** The progress upsert of contract §2.3 followed by the trail sync, in one transaction. */
  upsertItemProgress(input: {
    userId: number;
    trailId: number;
    itemId: number;
    status: 'IN_PROGRESS' | 'COMPLETED';
    progressValue: number | null;
    passedSubmissionId?: number;
  }): Promise<void>;
  insertSubmission(submission: NewSubmission): Promise<number>;
  close(): Promise<void>;
}
