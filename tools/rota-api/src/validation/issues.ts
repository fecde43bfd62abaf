import { detailError, type HttpError } from '../http/errors.js';

/** One pydantic-style error object: `type`, `loc`, `msg`, `input` and sometimes `ctx`. */
export interface ValidationIssue {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** Collects issues while a body is validated, like one pydantic ValidationError. */
export class IssueList {
  readonly items: ValidationIssue[] = [];

  add(issue: ValidationIssue): undefined {
    this.items.push(issue);
    return undefined;
  }

  /** The 422 `{"detail": [...]}` error, or null when the body was valid. */
  toError(): HttpError | null {
    return this.items.length === 0 ? null : detailError(422, { detail: this.items });
  }
}

/** A JSON object being validated; `loc` prefixes nested locations. */
export interface FieldSource {
  data: Record<string, unknown>;
  loc: Array<string | number>;
  issues: IssueList;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The top-level check every pydantic model does: the input must be a dictionary. */
export function requireObject(
  input: unknown,
  className: string,
  issues: IssueList,
  loc: Array<string | number> = [],
): Record<string, unknown> | null {
  if (isPlainObject(input)) return input;
  issues.add({
    type: 'model_type',
    loc,
    msg: `Input should be a valid dictionary or instance of ${className}`,
    input,
    ctx: { class_name: className },
  });
  return null;
}

/**
 * Validates a body the way the original's model `model` does: an object (else 422), then the
 * fields `read` takes from it. The body, or the 422 error listing every issue.
 */
export function validateModel<T>(
  input: unknown,
  model: string,
  read: (src: FieldSource) => unknown,
): T | HttpError {
  const issues = new IssueList();
  const data = requireObject(input, model, issues);
  if (data === null) return issues.toError() as HttpError;
  const body = read({ data, loc: [], issues });
  return issues.toError() ?? (body as T);
}
