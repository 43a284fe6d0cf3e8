// --fix never damages a file (issue 10, items 1-5), checked for real in temporary folders: bytes that are not UTF-8 and
// characters YAML forbids are reported and left alone; symlinks are written through; owner, group, mode and hard links
// are kept or the file is refused; read-only files are reported; a change made between the read and the write is
// detected; one file that cannot be written costs one line and exit code 2, never the report; temporary files are
// created exclusively. Permission bits do not stop root, so the tests that need them run the CLI as "nobody" when root.
import { appendFileSync, chmodSync, chownSync, closeSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '@valohai-lint/node';
import { createTemporary, replaceFile, type ReadSnapshot } from '../../packages/cli/src/write.js';
import { fixableSteps } from '../hostile/generate.js';
import { folder, giveToUnprivileged, isRoot, namesIn, openFolder, run } from './run.js';

const HOSTILE = join(import.meta.dirname, '../hostile');
/** An official image written short: a hint, which --fix qualifies (the tests show hints with --include-hints). */
const FIXABLE = '- step:\n    name: train\n    image: python:3.12\n    command: python train.py\n';
const FIXED = FIXABLE.replace('python:3.12', 'docker.io/library/python:3.12');

const hostile = (name: string): Buffer => readFileSync(join(HOSTILE, name));

/** What readRegularFile saw, as --fix keeps it between the read and the write. */
function snapshot(path: string): ReadSnapshot {
  const read = readRegularFile(path, 1_000_000);
  if (read.kind !== 'read') throw new Error(`could not read ${path}: ${read.kind}`);
  return read;
}

describe('bytes that are not text Valohai can read', () => {
  it('invalid UTF-8: an error at the first bad byte, and --fix and --fix-dry-run leave every byte alone', () => {
    const bytes = hostile('invalid-utf8.yaml');
    const dir = folder({ 'valohai.yaml': bytes });
    const lint = run(['--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    const [d, ...rest] = JSON.parse(lint.stdout).files[0].diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'file-encoding', line: 3, column: 14, message: expect.stringContaining('"0xE9"') });
    const fix = run(['--fix'], { cwd: dir });
    expect(fix.code).toBe(1);
    expect(fix.stdout).toContain('file-encoding');
    expect(readFileSync(join(dir, 'valohai.yaml')).equals(bytes)).toBe(true);
    expect(namesIn(dir)).toEqual(['valohai.yaml']);
    const dry = run(['--fix-dry-run'], { cwd: dir });
    expect(dry.stdout).not.toContain('+++');
  });

  it('a UTF-16 file is named as such', () => {
    const r = run(['--format', 'json', 'valohai.yaml'], { cwd: folder({ 'valohai.yaml': hostile('utf16le-bom.yaml') }) });
    expect(JSON.parse(r.stdout).files[0].diagnostics.map((d: { message: string }) => d.message)).toEqual(['This file is saved as "UTF-16", but Valohai reads valohai.yaml as UTF-8 only; save the file as UTF-8.']);
  });

  it('a NUL character: a yaml-syntax error at it, and --fix leaves the file alone although it has a fixable image', () => {
    const bytes = hostile('nul-in-value.yaml');
    const dir = folder({ 'valohai.yaml': bytes });
    const r = run(['--fix', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].diagnostics).toMatchObject([{ ruleId: 'yaml-syntax', line: 2, column: 14 }]);
    expect(readFileSync(join(dir, 'valohai.yaml')).equals(bytes)).toBe(true);
  });

  it('--stdin --fix passes input that is not UTF-8 through unchanged and says why', () => {
    const bytes = hostile('invalid-utf8.yaml');
    const r = run(['--stdin', '--stdin-filename', 'valohai.yaml', '--fix'], { cwd: openFolder(), input: bytes });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('valohai.yaml:3:14: error: The byte "0xE9" is not valid UTF-8, and Valohai reads valohai.yaml as UTF-8, so it rejects this file; save the file as UTF-8. (file-encoding)\n');
    expect(r.stdoutBytes.equals(bytes)).toBe(true);
  });
});

describe('the file --fix writes', () => {
  it('a symlink is written through: the link stays a link, the target is fixed and keeps its mode, owner and group', () => {
    const dir = folder({ 'real/valohai.yaml': FIXABLE });
    const target = join(dir, 'real/valohai.yaml');
    mkdirSync(join(dir, 'link'));
    symlinkSync('../real/valohai.yaml', join(dir, 'link/valohai.yaml'));
    // Root can hand the file to another user and set the set-user-ID bit, which a change of owner clears.
    if (isRoot) chownSync(target, 65534, 65534);
    chmodSync(target, isRoot ? 0o4750 : 0o640);
    const before = statSync(target);
    const r = run(['--fix', 'link/valohai.yaml'], { cwd: dir });
    expect(r.stderr).toBe('valohai-lint: fixed 1 problem in 1 file.\n');
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link/valohai.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(FIXED);
    const after = statSync(target);
    expect({ uid: after.uid, gid: after.gid, mode: after.mode }).toEqual({ uid: before.uid, gid: before.gid, mode: before.mode });
    expect(namesIn(join(dir, 'real'))).toEqual(['valohai.yaml']);
    expect(namesIn(join(dir, 'link'))).toEqual(['valohai.yaml']);
  });

  it('a file with hard links is refused (a rename would split them): one line, exit 2, the report, both names unchanged', () => {
    const dir = folder({ 'valohai.yaml': FIXABLE });
    linkSync(join(dir, 'valohai.yaml'), join(dir, 'copy.yaml'));
    const r = run(['--fix', '--include-hints', 'valohai.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('valohai-lint: did not fix "valohai.yaml": it has 2 hard links, which replacing it would split (and writing in place could leave it half-written); apply the fixes by hand, for example from --fix-dry-run\n');
    expect(r.stdout).toContain('image-fully-qualified');
    expect(readFileSync(join(dir, 'copy.yaml'), 'utf8')).toBe(FIXABLE);
    expect(statSync(join(dir, 'valohai.yaml')).nlink).toBe(2);
  });

  it('a read-only file is reported, not rewritten, even for root (the CLI checks the permission bits itself)', () => {
    const dir = folder({ 'valohai.yaml': FIXABLE });
    chmodSync(join(dir, 'valohai.yaml'), 0o444);
    const r = run(['--fix'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('valohai-lint: did not fix "valohai.yaml": it is read-only (mode 444)\n');
    expect(readFileSync(join(dir, 'valohai.yaml'), 'utf8')).toBe(FIXABLE);
    expect(statSync(join(dir, 'valohai.yaml')).mode & 0o777).toBe(0o444);
  });

  it('a later file whose folder is not writable: earlier files are fixed, one line for it, the report printed, exit 2', () => {
    const dir = folder({ 'a/valohai.yaml': FIXABLE, 'b/valohai.yaml': FIXABLE });
    giveToUnprivileged(dir);
    chmodSync(join(dir, 'b'), 0o555);
    const r = run(['--fix', '--include-hints'], { cwd: dir, unprivileged: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('valohai-lint: did not fix "b/valohai.yaml": its folder is not writable, so it cannot be replaced atomically\nvalohai-lint: fixed 1 problem in 1 file.\n');
    expect(readFileSync(join(dir, 'a/valohai.yaml'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(dir, 'b/valohai.yaml'), 'utf8')).toBe(FIXABLE);
    expect(r.stdout).toContain('b/valohai.yaml\n  3:12  hint  Image "python:3.12" is not written by its full name');
    expect(r.stdout).toContain('1 problem (0 errors, 0 warnings, 1 hint)');
  });

  it('a later file that does not fit (the file size limit, as a full disk): one line, the report printed, exit 2, nothing left behind', () => {
    const big = fixableSteps(2000); // about 150 KB once fixed
    const dir = folder({ 'a/valohai.yaml': FIXABLE, 'b/valohai.yaml': big });
    const r = run(['--fix', '--quiet', '--format', 'json'], { cwd: dir, fileSizeLimitKiB: 128 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('valohai-lint: did not fix "b/valohai.yaml": the file would be larger than the system allows\nvalohai-lint: fixed 1 problem in 1 file.\n');
    expect(readFileSync(join(dir, 'a/valohai.yaml'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(dir, 'b/valohai.yaml'), 'utf8')).toBe(big);
    expect(JSON.parse(r.stdout).files.map((f: { path: string; fixed?: boolean }) => `${f.path}:${f.fixed === true}`)).toEqual(['a/valohai.yaml:true', 'b/valohai.yaml:false']);
    expect(namesIn(join(dir, 'b'))).toEqual(['valohai.yaml']);
  });
});

describe('between the read and the write', () => {
  it('a change made after the read is detected and kept: the file is not replaced', () => {
    const dir = folder({ 'valohai.yaml': FIXABLE });
    const path = join(dir, 'valohai.yaml');
    const read = snapshot(path);
    const outcome = replaceFile(path, read, FIXED, { beforeReplace: () => appendFileSync(path, '# added by the user meanwhile\n') });
    expect(outcome).toEqual({ ok: false, reason: 'it changed after it was read; run valohai-lint again' });
    expect(readFileSync(path, 'utf8')).toBe(`${FIXABLE}# added by the user meanwhile\n`);
    expect(namesIn(dir)).toEqual(['valohai.yaml']);
  });

  it('a change of the same size is detected too', () => {
    const dir = folder({ 'valohai.yaml': FIXABLE });
    const path = join(dir, 'valohai.yaml');
    const read = snapshot(path);
    const edited = FIXABLE.replace('train', 'TRAIN');
    expect(replaceFile(path, read, FIXED, { beforeReplace: () => writeFileSync(path, edited) })).toMatchObject({ ok: false });
    expect(readFileSync(path, 'utf8')).toBe(edited);
  });

  it('a change before the write starts is detected as well, and an unchanged file is replaced', () => {
    const dir = folder({ 'valohai.yaml': FIXABLE });
    const path = join(dir, 'valohai.yaml');
    const stale = snapshot(path);
    appendFileSync(path, '\n');
    expect(replaceFile(path, stale, FIXED)).toMatchObject({ ok: false });
    expect(replaceFile(path, snapshot(path), FIXED)).toEqual({ ok: true });
    expect(readFileSync(path, 'utf8')).toBe(FIXED);
  });

  it('the temporary file has an unpredictable name, sits in the target folder and already has the target mode', () => {
    const dir = folder({ 'valohai.yaml': FIXABLE });
    const path = join(dir, 'valohai.yaml');
    chmodSync(path, 0o604);
    let seen: string[] = [];
    let mode = 0;
    replaceFile(path, snapshot(path), FIXED, {
      beforeReplace: () => {
        seen = namesIn(dir).filter((n) => n !== 'valohai.yaml');
        mode = lstatSync(join(dir, seen[0]!)).mode;
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^\.valohai\.yaml\.[0-9a-f]{16}\.valohai-lint\.tmp$/);
    expect(mode & 0o777).toBe(0o604);
    expect(namesIn(dir)).toEqual(['valohai.yaml']);
  });

  it('the temporary file is created exclusively: an existing file or a planted symlink of that name is never opened', () => {
    const dir = folder({ 'victim.txt': 'keep me\n' });
    symlinkSync(join(dir, 'victim.txt'), join(dir, '.valohai.yaml.fixed.valohai-lint.tmp'));
    expect(() => createTemporary(dir, 'valohai.yaml', () => 'fixed')).toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep me\n');
    // With another name it works, and a second file of the same name is refused.
    const created = createTemporary(dir, 'valohai.yaml', () => 'other');
    closeSync(created.fd);
    expect(() => createTemporary(dir, 'valohai.yaml', () => 'other')).toThrow(/EEXIST/);
    expect(existsSync(created.path)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(3);
  });
});
