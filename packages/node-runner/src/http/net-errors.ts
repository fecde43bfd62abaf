// Network failures as k6 reports them.
/** The runner's own per-request timeout (k6 error 1050). */
export class TimeoutError extends Error {}

// Node error codes → k6 error codes and texts (k6 lib/netext/httpext/error_codes.go).
function classify(err: NodeJS.ErrnoException): { code: number; text: string } {
  if (err instanceof TimeoutError) return { code: 1050, text: 'request timeout' };
  switch (err.code) {
    case 'ECONNREFUSED':
      return { code: 1212, text: 'dial: connection refused' };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return { code: 1220, text: 'write: connection reset by peer' };
    case 'EPIPE':
      return { code: 1201, text: 'write: broken pipe' };
    case 'ENOTFOUND':
      return { code: 1101, text: 'lookup: no such host' };
    case 'EAI_AGAIN':
      return { code: 1100, text: `lookup: ${err.message}` };
    case 'ETIMEDOUT':
      return { code: 1211, text: 'dial: i/o timeout' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code: 1210, text: `dial: ${err.message}` };
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return { code: 1310, text: 'x509: certificate signed by unknown authority' };
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return { code: 1311, text: 'x509: certificate is not valid for this name' };
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return { code: 1300, text: 'x509: certificate has expired or is not yet valid' };
    default:
      return { code: 1000, text: err.message };
  }
}

/** k6's `error` text and `error_code` for a failed exchange. */
export function errorFields(err: Error): { error: string; errorCode: number } {
  const { code, text } = classify(err as NodeJS.ErrnoException);
  return { error: text, errorCode: code };
}
