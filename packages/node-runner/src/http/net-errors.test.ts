import { describe, expect, it } from 'vitest';
import { errorFields, TimeoutError } from './net-errors.js';

const withCode = (code: string, message = 'boom') =>
  Object.assign(new Error(message), { code }) as NodeJS.ErrnoException;

describe('errorFields (k6 error codes for network failures)', () => {
  it('maps the runner timeout, Node and undici codes, and keeps unknown errors as 1000', () => {
    expect(errorFields(new TimeoutError('x'))).toEqual({
      error: 'request timeout',
      errorCode: 1050,
    });
    expect(errorFields(withCode('ECONNREFUSED'))).toEqual({
      error: 'dial: connection refused',
      errorCode: 1212,
    });
    // undici's "other side closed" is the same failure as a reset for k6.
    expect(errorFields(withCode('UND_ERR_SOCKET'))).toEqual(errorFields(withCode('ECONNRESET')));
    expect(errorFields(withCode('SELF_SIGNED_CERT_IN_CHAIN')).errorCode).toBe(1310);
    const message = 'getaddrinfo EAI_AGAIN example.invalid';
    expect(errorFields(withCode('EAI_AGAIN', message))).toEqual({
      error: `lookup: ${message}`,
      errorCode: 1100,
    });
    expect(errorFields(withCode('toString', 'odd'))).toEqual({ error: 'odd', errorCode: 1000 });
    expect(errorFields(new Error('plain'))).toEqual({ error: 'plain', errorCode: 1000 });
  });
});
