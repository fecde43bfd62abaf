// Shapes shared by the core and its adapters. Everything here must stay JSON-safe: k6 copies
// setup() data to every VU through JSON, so a Session or Dataset cannot carry methods.

/**
 * Per-request options the adapters may honour (k6 tags, expected statuses). Node ignores tags:
 * it records no metrics, so a request name has nowhere to go there.
 */
export interface RequestOptions {
  tags?: Record<string, string>;
  /** Statuses that are not failures for this request (k6: `responseCallback`). */
  expectedStatuses?: number[];
}

/** What the core needs from a response; adapters map their native response to this. */
export interface HttpResponse {
  /** HTTP status, or 0 when no response arrived (refused, timeout, TLS failure). */
  status: number;
  /** Response headers; names in any letter case, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Set-Cookie values by cookie name, in the order received. */
  cookies: Record<string, string[]>;
  /** Body text, or null when there was none (k6 gives null on transport errors). */
  body: string | null;
  /** Transport error text when status is 0. */
  error?: string;
}

/** The small async HTTP client the core talks to. */
export interface HttpClient {
  request(
    method: string,
    url: string,
    body: string | null,
    headers: Record<string, string>,
    options?: RequestOptions,
  ): Promise<HttpResponse>;
}

/** Email, password and username of one synthetic user. */
export interface Credentials {
  email: string;
  password: string;
  username: string;
}

/** Everything the bootstrap needs; build it with `configFromEnv` or by hand. */
export interface BootstrapConfig {
  /** Base URL without a trailing slash, e.g. `https://127.0.0.1:8001`. */
  baseUrl: string;
  credentials: Credentials;
  /** True when the credentials were generated (then the user cannot exist yet: register first). */
  generatedCredentials: boolean;
  /** Millisecond stamp used for generated emails and login-pool users. */
  stamp: number;
  sessionCookieName: string;
  csrfCookieName: string;
  sessionCookieAliases: string[];
  csrfCookieAliases: string[];
  /** Number of extra users to register for the login scenario (0 = none). */
  loginUserPool: number;
  /** Honoured by the Node adapter; k6 scripts pass it to k6's `insecureSkipTLSVerify`. */
  insecureSkipTlsVerify: boolean;
}

/** Session and CSRF material of a logged-in user, ready to put on requests. */
export interface Session {
  baseUrl: string;
  userId: number | null;
  sessionCookieName: string;
  sessionCookie: string;
  /** Name of the CSRF cookie actually received (or the configured name when none came). */
  csrfCookieName: string;
  csrfCookie: string | null;
  /** Token for the `X-CSRF-Token` request header; null when the server sent none. */
  csrfToken: string | null;
  /** Ready `Cookie` request header: `<session>=<v>; <csrf>=<v>`, with the names received. */
  cookieHeader: string;
}

/** One question of the FORM item, enough to build a submission body. */
export interface FormQuestion {
  id: number;
  firstOptionId: number | null;
  type: string | null;
}

/** Dataset field names that scenarios depend on. */
export type DatasetField =
  | 'trailId'
  | 'sectionId'
  | 'itemId'
  | 'formItemId'
  | 'formQuestions'
  | 'csrfToken'
  | 'enrolment';

/** Ids the scenarios use, found on the target; missing pieces are listed, never guessed. */
export interface Dataset {
  trailId: number | null;
  sectionId: number | null;
  /** An item safe for progress writes: unlocked, not a long video (docs/rota-api.md §6 point 9). */
  itemId: number | null;
  itemType: string | null;
  /** 0 when the item has no duration. */
  itemDurationSeconds: number;
  formItemId: number | null;
  formQuestions: FormQuestion[] | null;
  missing: DatasetField[];
  /** One human sentence per missing piece, saying why. */
  problems: string[];
}
