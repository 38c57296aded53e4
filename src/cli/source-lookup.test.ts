import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { makeSourceLookup } from './source-lookup';

describe('makeSourceLookup (pprof’s openSourceFile)', () => {
  it('finds a module path under -source_path by the search dir’s base name', () => {
    const open = makeSourceLookup('source/workload', '', GO);
    const f = open('example.com/workload/internal/encode/encode.go');
    expect(f?.path).toBe('source/workload/internal/encode/encode.go');
    expect(f?.text).toContain('package encode');
  });

  it('tries the parents of a search directory', () => {
    const open = makeSourceLookup(path.join(GO, 'source/workload/internal'), '', '/');
    const f = open('go.mod');
    expect(f?.path).toBe(path.join(GO, 'source/workload/go.mod'));
    expect(f?.text).toContain('module example.com/workload');
  });

  it('returns null when nothing is found, and honours -trim_path', () => {
    expect(makeSourceLookup('.', '', GO)('example.com/workload/internal/encode/encode.go')).toBeNull();
    const open = makeSourceLookup(path.join(GO, 'source/workload'), '/build/src', '/');
    expect(open('/build/src/internal/encode/encode.go')?.text).toContain('package encode');
  });
});
