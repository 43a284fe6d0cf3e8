// Reads a file the CLI or the language server was pointed at without trusting what it is: only a regular file (after
// symlinks), never more than a limit, and opened without blocking, since a FIFO or /dev/stdin would otherwise hang the
// reader for good and /dev/zero would fill the memory. What the file was at read time is kept, so a writer can tell
// whether it changed since.
import { closeSync, constants, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';

export type ReadOutcome =
  | { kind: 'read'; bytes: Buffer; stat: BigIntStats }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file'; what: string }
  | { kind: 'error'; error: NodeJS.ErrnoException };

/** What a path that is not a regular file is, for messages. */
export function describeFileType(stat: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const CHUNK = 1 << 16;

/** Reads a regular file of at most `maxBytes` bytes; anything else is described instead of read. Never throws. */
export function readRegularFile(path: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { kind: 'error', error: error as NodeJS.ErrnoException };
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile()) return { kind: 'not-a-file', what: describeFileType(stat) };
    if (stat.size > BigInt(maxBytes)) return { kind: 'too-large', size: Number(stat.size) };
    // The size can change while reading (or be 0 for files the kernel generates): read until the end, up to one byte
    // past the limit. Room for the size told plus one byte, so that a file that did not change is read into one buffer
    // (one read, and one that finds the end), not into chunks joined after.
    const limit = maxBytes + 1;
    const told = Number(stat.size);
    let buffer = Buffer.allocUnsafe(Math.min(told > 0 ? told + 1 : CHUNK, limit));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return { kind: 'too-large', size: total };
    }
    return { kind: 'read', bytes: buffer.subarray(0, total), stat };
  } catch (error) {
    return { kind: 'error', error: error as NodeJS.ErrnoException };
  } finally {
    closeSync(fd);
  }
}

/** A read error in words: "permission denied" rather than "EACCES: permission denied, open '…'". */
export function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENXIO':
      return 'it is a socket or a device without a reader';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EFBIG':
      return 'the file would be larger than the system allows';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    default:
      return error.code ? `${error.code}: ${error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` : error.message;
  }
}
