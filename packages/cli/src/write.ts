// --fix's write: the fixed text replaces the real file (a symlink is written through, never replaced), keeping its owner,
// group and mode, through a temporary file created exclusively (never following a link) in the same folder and renamed
// over it. A file that cannot be replaced without damage is refused with the reason, never half-written: read-only
// files, files with several hard links (a rename would split them, and writing in place is not atomic), files owned by
// someone whose ownership cannot be kept, and files that changed after they were read.
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeError } from '@valohai-lint/node';

/** What the file was when it was read (readRegularFile's result). */
export interface ReadSnapshot {
  bytes: Buffer;
  stat: BigIntStats;
}

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

/** For tests: runs between writing the temporary file and the final check, the moment a concurrent edit would be lost. */
export interface WriteHooks {
  beforeReplace?(target: string): void;
}

class Refused extends Error {}

/** Writes every byte (a single write may write fewer). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}

function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the temporary file next to `name`: an unpredictable name, created exclusively (an existing file or link of
 * that name is never opened) and never through a symlink. `random` is for tests.
 * Node's crypto module is loaded here, when a file is written, not when the CLI starts (a few milliseconds of every
 * run otherwise).
 */
export function createTemporary(folder: string, name: string, random = (): string => process.getBuiltinModule('node:crypto').randomBytes(8).toString('hex')): { path: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const path = join(folder, `.${name}.${random()}.valohai-lint.tmp`);
    try {
      return { path, fd: openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) throw error;
    }
  }
}

/** Why the file must not be replaced, or undefined when it may be. */
function refusal(target: string, now: BigIntStats, read: ReadSnapshot): string | undefined {
  if (!now.isFile()) return 'it is no longer a regular file';
  if (!sameFile(now, read.stat)) return 'it changed after it was read; run valohai-lint again';
  // Root may write anywhere, but a file without write permission was made read-only on purpose.
  if ((now.mode & 0o222n) === 0n || !isWritable(target)) return `it is read-only (mode ${(now.mode & 0o777n).toString(8).padStart(3, '0')})`;
  if (now.nlink > 1n) return `it has ${now.nlink} hard links, which replacing it would split (and writing in place could leave it half-written); apply the fixes by hand, for example from --fix-dry-run`;
  if (!isWritable(dirname(target))) return 'its folder is not writable, so it cannot be replaced atomically';
  return undefined;
}

/**
 * Replaces the file at `path` (or the file its symlinks lead to) with `text`, if it is still what was read. Never
 * throws: any failure comes back as a reason, and the file is then unchanged.
 */
export function replaceFile(path: string, read: ReadSnapshot, text: string, hooks: WriteHooks = {}): WriteOutcome {
  let temporary: string | undefined;
  try {
    const target = realpathSync(path);
    const now = statSync(target, { bigint: true });
    const refused = refusal(target, now, read);
    if (refused) return { ok: false, reason: refused };
    const created = createTemporary(dirname(target), basename(target));
    temporary = created.path;
    try {
      writeAll(created.fd, Buffer.from(text, 'utf8'));
      // Owner and group first: changing them clears set-user-ID bits, which the mode then restores.
      try {
        fchownSync(created.fd, Number(now.uid), Number(now.gid));
      } catch {
        throw new Refused(`it belongs to user ${now.uid} and group ${now.gid}, which valohai-lint cannot keep when it replaces the file`);
      }
      fchmodSync(created.fd, Number(now.mode & 0o7777n));
      fsyncSync(created.fd);
    } finally {
      closeSync(created.fd);
    }
    hooks.beforeReplace?.(target);
    // The last look before the rename: metadata, then the bytes themselves.
    const last = statSync(target, { bigint: true });
    if (!sameFile(last, read.stat) || !readFileSync(target).equals(read.bytes)) throw new Refused('it changed after it was read; run valohai-lint again');
    renameSync(temporary, target);
    temporary = undefined;
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Refused ? error.message : describeError(error as NodeJS.ErrnoException) };
  } finally {
    if (temporary !== undefined) {
      try {
        unlinkSync(temporary);
      } catch {
        // Already gone.
      }
    }
  }
}
