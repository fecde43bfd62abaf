import { writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

// The engine runs in a worker thread, whose process.stdout/stderr are streams the main thread
// drains asynchronously: what a worker writes just before a script blocks its event loop (or
// before the supervisor stops it) would never arrive. Writing to the file descriptors directly
// keeps every line, in order, whichever thread writes it.

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `data` to a file descriptor synchronously (a full pipe is waited for). */
export function writeAll(fd: number, data: string | Uint8Array): void {
  let buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  while (buf.length > 0) {
    try {
      buf = buf.subarray(writeSync(fd, buf));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A non-blocking pipe that is full: wait for the reader, briefly.
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      // Nobody reads any more (e.g. `| head`): the rest of the output has nowhere to go.
      else if (code === 'EPIPE') return;
      else throw err;
    }
  }
}

/** Writes to stdout synchronously. */
export function writeOut(data: string | Uint8Array): void {
  writeAll(1, data);
}

/** Writes to stderr synchronously. */
export function writeErr(data: string | Uint8Array): void {
  writeAll(2, data);
}

const tty = {
  stdout: isMainThread && Boolean(process.stdout.isTTY),
  stderr: isMainThread && Boolean(process.stderr.isTTY),
};

/** Whether stdout/stderr are terminals (a worker learns it from its parent: `setTty`). */
export function isTty(stream: 'stdout' | 'stderr'): boolean {
  return tty[stream];
}

/** Tells a worker thread what its parent's stdout/stderr are. */
export function setTty(stdout: boolean, stderr: boolean): void {
  tty.stdout = stdout;
  tty.stderr = stderr;
}
