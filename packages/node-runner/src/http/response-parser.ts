// An incremental HTTP/1.1 response parser for one keep-alive connection: status line, headers
// and the body framed as RFC 9112 §6.3 says (no body for HEAD/1xx/204/304, chunked, a
// Content-Length, or up to the close of the connection). Responses usually arrive in one read,
// and the parser copies only what it keeps of a chunk (the caller may reuse the chunk's memory).

/** A response that broke the protocol (k6 reports the text, error code 1000). */
export class ProtocolError extends Error {}

const CRLF = 0x0a0d; // '\r\n' read as a little-endian 16-bit integer
const END_OF_HEAD = Buffer.from('\r\n\r\n', 'latin1');
const MAX_HEAD_BYTES = 1 << 20; // Go's http.DefaultMaxHeaderBytes

type BodyMode = 'none' | 'length' | 'chunked' | 'close';

function isCrlf(buf: Buffer, at: number): boolean {
  return buf.length >= at + 2 && buf.readUInt16LE(at) === CRLF;
}

/** Parses the responses of one connection, one at a time. */
export class ResponseParser {
  status = 0;
  proto = '';
  /** Header names and values, alternating, as received. */
  rawHeaders: string[] = [];
  body: Buffer[] = [];
  /** False when the connection cannot carry another request (Connection: close, HTTP/1.0 …). */
  keepAlive = true;
  /** The server's `Keep-Alive: timeout=N`, in ms (0 when it sent none). */
  keepAliveMs = 0;
  /** True once the first byte of the response arrived. */
  started = false;

  private isHead = false;
  private pending: Buffer | null = null;
  private inBody = false;
  private mode: BodyMode = 'none';
  private left = 0; // bytes left of the Content-Length, or of the current chunk
  private chunkState: 'size' | 'data' | 'crlf' | 'trailers' = 'size';

  /** Prepares for the response to a new request (`HEAD` responses have no body). */
  reset(isHead: boolean): void {
    this.status = 0;
    this.proto = '';
    this.rawHeaders = [];
    this.body = [];
    this.keepAlive = true;
    this.keepAliveMs = 0;
    this.started = false;
    this.isHead = isHead;
    this.pending = null;
    this.inBody = false;
    this.mode = 'none';
  }

  /** Feeds bytes from the socket; true once the response is complete. Throws ProtocolError. */
  feed(chunk: Buffer): boolean {
    this.started = true;
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    while (!this.inBody) {
      const end = buf.indexOf(END_OF_HEAD);
      if (end < 0) {
        if (buf.length > MAX_HEAD_BYTES)
          throw new ProtocolError('server response headers exceeded 1048576 bytes');
        this.pending = Buffer.from(buf);
        return false;
      }
      this.parseHead(buf.toString('latin1', 0, end));
      buf = buf.subarray(end + 4);
      // 1xx responses (100 Continue, 103 Early Hints) precede the real one; 101 ends HTTP.
      if (this.status >= 100 && this.status < 200 && this.status !== 101) {
        this.rawHeaders = [];
        continue;
      }
      this.inBody = true;
      if (this.mode === 'none') return this.done(buf);
    }
    return this.feedBody(buf);
  }

  /** The connection ended: true if that completes the response (a body read to the close). */
  end(): boolean {
    if (this.inBody && this.mode === 'close') {
      this.keepAlive = false;
      return true;
    }
    return false;
  }

  private done(rest: Buffer): true {
    // Bytes after a complete response were never asked for: the connection is out of step.
    if (rest.length > 0) this.keepAlive = false;
    return true;
  }

  private parseHead(text: string): void {
    // "HTTP/1.1 200 OK": checked by position, cheaper than a regular expression per response.
    const code = Number(text.slice(9, 12));
    if (
      !text.startsWith('HTTP/1.') ||
      text.charCodeAt(8) !== 0x20 ||
      !(code >= 100 && code <= 999) ||
      (text.length > 12 && text.charCodeAt(12) !== 0x20 && text.charCodeAt(12) !== 0x0d)
    ) {
      const eol = text.indexOf('\r\n');
      throw new ProtocolError(
        `malformed HTTP response ${JSON.stringify(eol < 0 ? text : text.slice(0, eol))}`,
      );
    }
    this.proto = text.slice(0, 8);
    this.status = code;
    let length = -1;
    let chunked = false;
    let connection = '';
    const headers = this.rawHeaders;
    let pos = text.indexOf('\r\n');
    while (pos >= 0) {
      const start = pos + 2;
      pos = text.indexOf('\r\n', start);
      const end = pos < 0 ? text.length : pos;
      const colon = text.indexOf(':', start);
      if (colon <= start || colon >= end) continue;
      const name = text.slice(start, colon);
      const value = text.slice(colon + 1, end).trim();
      headers.push(name, value);
      // Only a few headers matter for framing: compare names of their lengths only.
      switch (name.length) {
        case 14:
          if (name.toLowerCase() === 'content-length') {
            const n = Number(value);
            if (!/^\d+$/.test(value) || (length >= 0 && n !== length))
              throw new ProtocolError(`bad Content-Length ${JSON.stringify(value)}`);
            length = n;
          }
          break;
        case 17:
          if (name.toLowerCase() === 'transfer-encoding')
            chunked = /(?:^|,)\s*chunked\s*$/i.test(value);
          break;
        case 10: {
          const lower = name.toLowerCase();
          if (lower === 'connection') connection += `${value.toLowerCase()},`;
          else if (lower === 'keep-alive') {
            const t = /timeout=(\d+)/i.exec(value);
            if (t) this.keepAliveMs = Number(t[1]) * 1000;
          }
          break;
        }
      }
    }
    const http10 = this.proto === 'HTTP/1.0';
    this.keepAlive = http10 ? connection.includes('keep-alive') : !connection.includes('close');
    const s = this.status;
    if (this.isHead || (s >= 100 && s < 200) || s === 204 || s === 304) this.mode = 'none';
    else if (chunked) {
      this.mode = 'chunked';
      this.chunkState = 'size';
    } else if (length >= 0) {
      this.mode = length === 0 ? 'none' : 'length';
      this.left = length;
    } else {
      this.mode = 'close';
      this.keepAlive = false;
    }
    if (s === 101) this.keepAlive = false;
  }

  private feedBody(buf: Buffer): boolean {
    switch (this.mode) {
      case 'none':
        return this.done(buf);
      case 'close':
        if (buf.length > 0) this.body.push(Buffer.from(buf));
        return false;
      case 'length':
        if (buf.length < this.left) {
          if (buf.length > 0) this.body.push(Buffer.from(buf));
          this.left -= buf.length;
          return false;
        }
        this.body.push(Buffer.from(buf.subarray(0, this.left)));
        return this.done(buf.subarray(this.left));
      case 'chunked':
        return this.feedChunked(buf);
    }
  }

  private feedChunked(input: Buffer): boolean {
    let buf = input;
    for (;;) {
      if (this.chunkState === 'data') {
        if (buf.length < this.left) {
          if (buf.length > 0) this.body.push(Buffer.from(buf));
          this.left -= buf.length;
          return false;
        }
        this.body.push(Buffer.from(buf.subarray(0, this.left)));
        buf = buf.subarray(this.left);
        this.chunkState = 'crlf';
      }
      if (this.chunkState === 'crlf') {
        if (buf.length < 2) return this.wait(buf);
        if (!isCrlf(buf, 0)) throw new ProtocolError('malformed chunked encoding');
        buf = buf.subarray(2);
        this.chunkState = 'size';
      }
      const eol = buf.indexOf('\r\n', 0, 'latin1');
      if (eol < 0) return this.wait(buf);
      if (this.chunkState === 'trailers') {
        buf = buf.subarray(eol + 2);
        if (eol === 0) return this.done(buf); // the empty line after the trailers
        continue;
      }
      const size = /^([0-9a-fA-F]+)[ \t]*(?:;.*)?$/.exec(buf.toString('latin1', 0, eol));
      if (!size) throw new ProtocolError('malformed chunked encoding');
      this.left = Number.parseInt(size[1] as string, 16);
      buf = buf.subarray(eol + 2);
      this.chunkState = this.left === 0 ? 'trailers' : 'data';
    }
  }

  private wait(rest: Buffer): false {
    this.pending = rest.length > 0 ? Buffer.from(rest) : null;
    return false;
  }
}
