// readRegularFile reads exactly the bytes of a file, whatever its size, and never more than its limit: files read into
// one buffer sized from what the file system says (the usual case), and files whose size it does not tell (the kernel's
// own, which say 0) read in growing steps; a limit of N bytes reads N and refuses N + 1.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '@valohai-lint/node';
import { folder } from './run.js';

describe('readRegularFile', () => {
  it('reads every byte of files of any size, at and around the sizes where buffers change', () => {
    const dir = folder({});
    for (const size of [0, 1, 100, 4095, 4096, 4097, 65_535, 65_536, 65_537, 300_000]) {
      const path = join(dir, `file-${size}`);
      const bytes = randomBytes(size);
      writeFileSync(path, bytes);
      const read = readRegularFile(path, 1_000_000);
      expect(read.kind).toBe('read');
      if (read.kind === 'read') expect(Buffer.compare(read.bytes, bytes)).toBe(0);
    }
  });

  it('reads a file of exactly the limit, and refuses one byte more', () => {
    const dir = folder({ 'at.yaml': 'x'.repeat(1000), 'over.yaml': 'x'.repeat(1001) });
    const at = readRegularFile(join(dir, 'at.yaml'), 1000);
    expect(at.kind === 'read' && at.bytes.length).toBe(1000);
    expect(readRegularFile(join(dir, 'over.yaml'), 1000)).toEqual({ kind: 'too-large', size: 1001 });
  });

  it('reads files whose size the file system does not tell, past the first buffer, and stops at the limit', () => {
    // /proc files say they have 0 bytes; this one has more than the 64 KiB read when the size is not known.
    const path = '/proc/self/smaps';
    const expected = readFileSync(path).length;
    expect(expected).toBeGreaterThan(1 << 16);
    const read = readRegularFile(path, 10_000_000);
    expect(read.kind).toBe('read');
    // The process's memory map changes between two reads of it, so only its shape is compared: all of it, not the
    // first buffer's worth, and whole lines.
    if (read.kind === 'read') {
      expect(read.bytes.length).toBeGreaterThan(1 << 16);
      expect(read.bytes.at(-1)).toBe(0x0a);
    }
    expect(readRegularFile(path, 70_000)).toMatchObject({ kind: 'too-large' });
    const status = readRegularFile('/proc/self/status', 1_000_000);
    expect(status.kind === 'read' && status.bytes.toString('utf8')).toMatch(/^Name:/);
  });
});
