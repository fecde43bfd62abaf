// Follows a file another process is writing (k6's --out json): every complete line, in order,
// as it arrives, in constant memory. Stopping reads what is left to the end.
import { type FileHandle, open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/** A file being followed. */
export interface FollowedFile {
  /** Reads the rest of the file (a last line without newline included) and stops. */
  stop(): Promise<void>;
}

const CHUNK = 1 << 16;

/** Calls `onLine` for each line of `path` as it is written; the file may not exist yet. */
export function followFile(
  path: string,
  onLine: (line: string) => void,
  intervalMs = 200,
): FollowedFile {
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let handle: FileHandle | null = null;
  let position = 0;
  let partial = '';
  let stopping = false;
  let wake: (() => void) | null = null;

  const deliver = (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };

  // Everything written so far; false when the file does not exist yet.
  const drain = async (): Promise<boolean> => {
    if (handle === null) {
      try {
        handle = await open(path, 'r');
      } catch {
        return false;
      }
    }
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) return true;
      position += bytesRead;
      deliver(decoder.write(buffer.subarray(0, bytesRead)));
    }
  };

  const loop = (async () => {
    while (!stopping) {
      await drain();
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await drain();
    deliver(decoder.end());
    if (partial !== '') onLine(partial);
    partial = '';
    await (handle as FileHandle | null)?.close();
  })();

  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
