/** An error that becomes an HTTP response with a JSON body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${statusCode}`);
  }
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  500: 'internal_server_error',
};

/**
 * Where the original answers with a Werkzeug HTML page we send `{"error", "message"}` with the
 * same status code (the issue allows JSON here).
 */
export function abort(statusCode: number, message: string): HttpError {
  return new HttpError(statusCode, { error: CODES[statusCode] ?? 'error', message });
}

/** JSON error with a `detail` (validation, business rules), as the original sends them. */
export function detailError(statusCode: number, body: Record<string, unknown>): HttpError {
  return new HttpError(statusCode, body);
}

export const NOT_FOUND_MESSAGE =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';
