// The page's store of opened source files: text kept by path, binaries and
// oversized files skipped with a reason, listeners told of every change.
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_SOURCE_FILE,
  addSourceFiles,
  clearSourceFiles,
  sourceFileCount,
  sourceFilesVersion,
  sourceTexts,
  subscribeSourceFiles,
} from './source-files';

afterEach(() => clearSourceFiles());

describe('source files', () => {
  it('keeps text files by name and tells listeners', async () => {
    let calls = 0;
    const off = subscribeSourceFiles(() => calls++);
    const v = sourceFilesVersion();
    const res = await addSourceFiles([new File(['package main\n'], 'main.go'), new File(['x'], 'util.go')]);
    expect(res).toEqual({ added: 2, skipped: [] });
    expect(sourceTexts()).toEqual({ 'main.go': 'package main\n', 'util.go': 'x' });
    expect(sourceFileCount()).toBe(2);
    expect(sourceFilesVersion()).toBeGreaterThan(v);
    expect(calls).toBe(1);
    off();
  });

  it('skips binaries and oversized files, saying why', async () => {
    const res = await addSourceFiles([
      new File([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1])], 'workload'),
      new File([new Uint8Array(MAX_SOURCE_FILE + 1)], 'huge.go'),
    ]);
    expect(res.added).toBe(0);
    expect(res.skipped).toEqual(['workload (binary)', 'huge.go (larger than 4 MB)']);
    expect(sourceTexts()).toBeUndefined();
  });

  it('forgets everything on clear', async () => {
    await addSourceFiles([new File(['a'], 'a.go')]);
    clearSourceFiles();
    expect(sourceFileCount()).toBe(0);
    expect(sourceTexts()).toBeUndefined();
  });
});
