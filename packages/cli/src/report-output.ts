// Where `--format NAME=FILE` writes a report. Checked before anything is linted, so a run never ends in a stack trace
// after the work is done: the folder must exist, and the path must not be a folder, a symbolic link, a device, or one
// of the files being linted (`--format json=valohai.yaml` would replace the file with its own report). Written without
// following links, so a report cannot land on a file it was not meant for.
import { closeSync, constants, lstatSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeError, describeFileType } from '@valohai-lint/node';
import { writeAll } from './write.js';

/** Why a report cannot be written to `path` (absolute), or undefined when it can. */
export function outputProblem(path: string): string | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    st = undefined;
  }
  if (st?.isSymbolicLink()) return 'it is a symbolic link, and valohai-lint does not write reports through links';
  if (st && !st.isFile()) return `it is ${describeFileType(st)}`;
  if (!st) {
    try {
      if (!statSync(dirname(path)).isDirectory()) return `"${dirname(path)}" is not a folder`;
    } catch {
      return `its folder "${dirname(path)}" does not exist`;
    }
  }
  return undefined;
}

/** The linted file an existing report path is (the same file, whatever the names), if any. */
export function linterInputAt(path: string, inputs: readonly string[]): string | undefined {
  let out;
  try {
    out = statSync(path);
  } catch {
    return undefined;
  }
  for (const input of inputs) {
    try {
      const st = statSync(input);
      if (st.dev === out.dev && st.ino === out.ino) return input;
    } catch {
      // An input that cannot be read is reported when it is linted.
    }
  }
  return undefined;
}

/** Writes a report, never through a link; the reason when that fails. */
export function writeReport(path: string, text: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o666);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return e.code === 'ELOOP' ? 'it is a symbolic link, and valohai-lint does not write reports through links' : describeError(e);
  }
  try {
    writeAll(fd, Buffer.from(text, 'utf8'));
    return undefined;
  } catch (error) {
    return describeError(error as NodeJS.ErrnoException);
  } finally {
    closeSync(fd);
  }
}
