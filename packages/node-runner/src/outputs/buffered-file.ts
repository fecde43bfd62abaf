// A file written through a small buffer, synchronously: the engine thread appends lines and
// the buffer goes to the file descriptor once it holds 64 KiB (and once a second, and at the
// end). Memory stays bounded however long the run; a disk slower than the samples slows the
// engine rather than piling samples up.
import { closeSync, openSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { writeAll } from '../util/output.js';

const FLUSH_AT = 64 * 1024;
const STDOUT_FD = 1;

/** A buffered, append-only file (or stdout). */
export class BufferedFile {
  private pending = '';
  private readonly fd: number;
  private readonly gzip: boolean;

  /** Opens `path` ('' = stdout), truncating it unless `append`; `.gz` files are gzipped. */
  constructor(path: string, append: boolean) {
    this.fd = path === '' ? STDOUT_FD : openSync(path, append ? 'a' : 'w');
    this.gzip = path.endsWith('.gz');
  }

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  /** Writes what is buffered (each flush of a `.gz` file is one gzip member, as gunzip reads). */
  flush(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    writeAll(this.fd, this.gzip ? gzipSync(text) : text);
  }

  close(): void {
    this.flush();
    if (this.fd !== STDOUT_FD) closeSync(this.fd);
  }
}
