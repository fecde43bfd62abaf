// Network failures as k6 reports them.
/** The runner's own per-request timeout (k6 error 1050). */
export class TimeoutError extends Error {}

const UNKNOWN_CA: [number, string] = [1310, 'x509: certificate signed by unknown authority'];
const EXPIRED: [number, string] = [1300, 'x509: certificate has expired or is not yet valid'];
const RESET: [number, string] = [1220, 'write: connection reset by peer'];

// Node (and undici) error codes → k6 error codes and texts (k6 lib/netext/httpext/
// error_codes.go). A text ending in ': ' gets the error's own message appended.
const BY_CODE: Record<string, [number, string]> = {
  ECONNREFUSED: [1212, 'dial: connection refused'],
  ECONNRESET: RESET,
  UND_ERR_SOCKET: RESET,
  EPIPE: [1201, 'write: broken pipe'],
  ENOTFOUND: [1101, 'lookup: no such host'],
  EAI_AGAIN: [1100, 'lookup: '],
  ETIMEDOUT: [1211, 'dial: i/o timeout'],
  EHOSTUNREACH: [1210, 'dial: '],
  ENETUNREACH: [1210, 'dial: '],
  DEPTH_ZERO_SELF_SIGNED_CERT: UNKNOWN_CA,
  SELF_SIGNED_CERT_IN_CHAIN: UNKNOWN_CA,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNKNOWN_CA,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNKNOWN_CA,
  ERR_TLS_CERT_ALTNAME_INVALID: [1311, 'x509: certificate is not valid for this name'],
  CERT_HAS_EXPIRED: EXPIRED,
  CERT_NOT_YET_VALID: EXPIRED,
};

/** k6's `error` text and `error_code` for a failed exchange. */
export function errorFields(err: Error): { error: string; errorCode: number } {
  if (err instanceof TimeoutError) return { error: 'request timeout', errorCode: 1050 };
  const code = (err as NodeJS.ErrnoException).code;
  const known = code !== undefined && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
  if (!known) return { error: err.message, errorCode: 1000 };
  const [errorCode, text] = known;
  return { error: text.endsWith(': ') ? text + err.message : text, errorCode };
}
