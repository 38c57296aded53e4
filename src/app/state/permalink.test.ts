import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import { fileNameFromUrl, fromBase64Url, MAX_INLINE_BYTES, parseSource, sourceHash, sourceParams, toBase64Url } from './permalink';
import { formatUrl, parseUrl } from './url-state';

const PAGE = 'http://127.0.0.1:5000/app/index.html';

describe('base64url', () => {
  it('round-trips a real gzipped profile, with only URL-safe characters', () => {
    const bytes = new Uint8Array(readFileSync(path.join(GO, 'cpu.http.pb.gz')));
    expect(bytes.length).toBeLessThanOrEqual(MAX_INLINE_BYTES);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBe(Math.ceil((bytes.length * 4) / 3));
    expect(fromBase64Url(text)).toEqual(bytes);
  });
  it('agrees with node for every length mod 3 and rejects other text', () => {
    for (const n of [1, 2, 3, 4, 5, 255]) {
      const b = new Uint8Array(n).map((_, i) => (i * 97 + 251) & 255);
      expect(toBase64Url(b)).toBe(Buffer.from(b).toString('base64url'));
      expect(fromBase64Url(toBase64Url(b) + '==')).toEqual(b);
    }
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull(); // 4n+1 characters cannot be
  });
});

describe('parseSource', () => {
  it('reads url=, share= and #p=, resolving a relative url', () => {
    expect(parseSource('?url=https%3A%2F%2Fex.org%2Fheap&v=1', '', PAGE).source).toEqual({ kind: 'url', url: 'https://ex.org/heap' });
    expect(parseSource('?url=profiles/cpu.pb.gz', '', PAGE).source).toEqual({ kind: 'url', url: 'http://127.0.0.1:5000/app/profiles/cpu.pb.gz' });
    const id = 'ab'.repeat(32);
    expect(parseSource(`?share=${id}`, '', PAGE)).toEqual({ source: { kind: 'share', id }, errors: [] });
    expect(parseSource('?view=top', '#p=H4sI', PAGE).source).toEqual({ kind: 'inline', p: 'H4sI' });
    expect(parseSource('?view=top&f=x', '', PAGE)).toEqual({ source: null, errors: [] });
  });
  it('reports invalid values without failing', () => {
    const r = parseSource('?url=javascript%3Aalert(1)&share=xyz', '#p=a*b', PAGE);
    expect(r.source).toBeNull();
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/url=javascript:alert\(1\).*http/);
    expect(r.errors[1]).toMatch(/share=xyz.*64 hexadecimal/);
    expect(r.errors[2]).toMatch(/#p=/);
  });
});

describe('the address of a state with its source', () => {
  it('keeps pprof params, adds url= before v=1, and the fragment after', () => {
    const src = { kind: 'url' as const, url: 'http://h:1/debug/pprof/heap?seconds=2' };
    const u = formatUrl({ view: 'top', options: { sampleIndex: 'alloc_space', focus: 'a|b' } }, '/ui/top', sourceParams(src));
    expect(u).toBe('/ui/top?si=alloc_space&f=a%7Cb&url=http%3A%2F%2Fh%3A1%2Fdebug%2Fpprof%2Fheap%3Fseconds%3D2&v=1');
    // The source param is unknown to parseUrl (ignored there) and read back by parseSource.
    const q = u.slice(u.indexOf('?'));
    expect(parseUrl('/ui/top', q)).toEqual({ state: { view: 'top', options: { sampleIndex: 'alloc_space', focus: 'a|b' } }, errors: [] });
    expect(parseSource(q, '', PAGE).source).toEqual(src);
    expect(sourceHash({ kind: 'inline', p: 'QUJD' })).toBe('#p=QUJD');
    expect(sourceHash({ kind: 'share', id: 'x' })).toBe('');
  });
  it('names a fetched profile after its last path segment', () => {
    expect(fileNameFromUrl('http://h:1/debug/pprof/heap?seconds=2')).toBe('heap');
    expect(fileNameFromUrl('https://ex.org/')).toBe('ex.org');
  });
});
