import { describe, expect, it } from 'vitest';
import { ProtocolError, ResponseParser } from './response-parser.js';

/** Feeds `text` to a fresh parser in pieces of `step` bytes; returns the parser and whether it completed. */
function parse(text: string, step = Number.POSITIVE_INFINITY, isHead = false) {
  const p = new ResponseParser();
  p.reset(isHead);
  const bytes = Buffer.from(text, 'latin1');
  let complete = false;
  for (let i = 0; i < bytes.length && !complete; i += step)
    complete = p.feed(bytes.subarray(i, Math.min(bytes.length, i + step)));
  return { p, complete, body: Buffer.concat(p.body).toString('latin1') };
}

const chunked =
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n';

describe('ResponseParser', () => {
  it('reads a Content-Length body, whole or split at every byte', () => {
    const text =
      'HTTP/1.1 201 Created\r\nContent-Length: 5\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\nhello';
    for (const step of [Number.POSITIVE_INFINITY, 1, 3]) {
      const { p, complete, body } = parse(text, step);
      expect({ step, complete, body, status: p.status, proto: p.proto }).toEqual({
        step,
        complete: true,
        body: 'hello',
        status: 201,
        proto: 'HTTP/1.1',
      });
      expect(p.rawHeaders).toEqual([
        'Content-Length',
        '5',
        'Set-Cookie',
        'a=1',
        'Set-Cookie',
        'b=2',
      ]);
      expect(p.keepAlive).toBe(true);
    }
  });

  it('decodes chunked bodies (extensions, trailers), split anywhere', () => {
    for (let step = 1; step <= chunked.length; step++) {
      const { complete, body } = parse(chunked, step);
      expect({ step, complete, body }).toEqual({ step, complete: true, body: 'hello, world' });
    }
  });

  it('has no body for HEAD, 204 and 304, and skips 1xx responses', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n', 100, true).complete).toBe(true);
    expect(parse('HTTP/1.1 204 No Content\r\n\r\n').complete).toBe(true);
    expect(parse('HTTP/1.1 304 Not Modified\r\nContent-Length: 3\r\n\r\n').complete).toBe(true);
    const { p, body } = parse(
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
    );
    expect({ status: p.status, body, headers: p.rawHeaders }).toEqual({
      status: 200,
      body: 'ok',
      headers: ['Content-Length', '2'],
    });
  });

  it('reads to the end of the connection without a length; such connections are not reused', () => {
    const { p, complete } = parse('HTTP/1.0 200 OK\r\n\r\npart one,');
    expect(complete).toBe(false);
    p.feed(Buffer.from(' part two'));
    expect(p.end()).toBe(true);
    expect(Buffer.concat(p.body).toString()).toBe('part one, part two');
    expect(p.keepAlive).toBe(false);
    expect(p.proto).toBe('HTTP/1.0');
  });

  it('knows when the server closes or keeps the connection, and its keep-alive timeout', () => {
    expect(
      parse('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n').p.keepAlive,
    ).toBe(false);
    const kept = parse(
      'HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 0\r\n\r\n',
    ).p;
    expect({ keepAlive: kept.keepAlive, ms: kept.keepAliveMs }).toEqual({
      keepAlive: true,
      ms: 5000,
    });
    // Bytes beyond the response mean the connection is out of step.
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxy').p.keepAlive).toBe(false);
    // A body that stops early is not complete.
    const cut = parse('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort');
    expect({ complete: cut.complete, end: cut.p.end() }).toEqual({ complete: false, end: false });
  });

  it('rejects what is not HTTP with a ProtocolError naming it', () => {
    expect(() => parse('SSH-2.0-OpenSSH\r\n\r\n')).toThrow(ProtocolError);
    expect(() => parse('SSH-2.0-OpenSSH\r\n\r\n')).toThrow(
      'malformed HTTP response "SSH-2.0-OpenSSH"',
    );
    expect(() => parse('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n')).toThrow(
      'bad Content-Length "-1"',
    );
    expect(() => parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')).toThrow(
      'malformed chunked encoding',
    );
  });
});
