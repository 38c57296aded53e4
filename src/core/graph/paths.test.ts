import { describe, expect, it } from 'vitest';
import { basePath, cleanPath, trimSourcePath } from './paths';
import { shortenFunctionName } from './shorten';

describe('paths', () => {
  it('cleans like filepath.Clean', () => {
    expect(cleanPath('a//b/./c/../d')).toBe('a/b/d');
    expect(cleanPath('/../x')).toBe('/x');
    expect(cleanPath('../a/..')).toBe('..');
    expect(cleanPath('')).toBe('.');
  });
  it('takes base names like filepath.Base', () => {
    expect(basePath('/srv/workload/bin/workload')).toBe('workload');
    expect(basePath('dir/')).toBe('dir');
    expect(basePath('')).toBe('.');
  });
  it('trims source paths as report.trimPath', () => {
    const f = 'example.com/workload/internal/encode/encode.go';
    expect(trimSourcePath(f, '', 'source/workload')).toBe('internal/encode/encode.go');
    expect(trimSourcePath(f, '', '.')).toBe(f);
    expect(trimSourcePath('/proc/self/cwd/x.go', '', '')).toBe('x.go');
    expect(trimSourcePath('/home/me/src/x.go', '/home/me', '')).toBe('src/x.go');
  });
});

describe('shortenFunctionName', () => {
  it('drops Go package paths, Java packages and C++ namespaces', () => {
    expect(shortenFunctionName('example.com/workload/internal/encode.(*Encoder).Encode')).toBe('encode.(*Encoder).Encode');
    expect(shortenFunctionName('github.com/a/b/v2/pkg.F')).toBe('pkg.F');
    expect(shortenFunctionName('runtime.mallocgc')).toBe('runtime.mallocgc');
    expect(shortenFunctionName('java.util.HashMap.get')).toBe('HashMap.get');
    expect(shortenFunctionName('(anonymous namespace)::ns::Foo::bar')).toBe('Foo::bar');
  });
});
