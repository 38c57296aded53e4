import { describe, expect, it } from 'vitest';
import { appBase, formatUrl, parseUrl, URL_PARAMS, type UrlState } from './url-state';
import { quotemeta } from '../../core/query/quotemeta';

describe('URL state', () => {
  it('reads every pprof parameter name', () => {
    const { state, errors } = parseUrl(
      '/',
      '?view=graph&si=alloc_space&f=a&i=b&h=c&s=d&sf=e&prunefrom=p&tf=k%3Dv&ti=x&ts=y&th=z&g=files&n=20&nf=0.1&ef=0.01&sort=cum&unit=ms&calltree=t&rel=true&noinlines=1&dropneg=yes&mean=f&v=1',
    );
    expect(errors).toEqual([]);
    expect(state).toEqual({
      view: 'graph',
      options: {
        sampleIndex: 'alloc_space',
        focus: 'a',
        ignore: 'b',
        hide: 'c',
        show: 'd',
        showFrom: 'e',
        pruneFrom: 'p',
        tagFocus: 'k=v',
        tagIgnore: 'x',
        tagShow: 'y',
        tagHide: 'z',
        granularity: 'files',
        nodeCount: 20,
        nodeFraction: 0.1,
        edgeFraction: 0.01,
        sort: 'cum',
        unit: 'ms',
        callTree: true,
        relativePercentages: true,
        noInlines: true,
        dropNegative: true,
        mean: false,
      },
    });
    for (const p of ['si', 'f', 'i', 'h', 's', 'sf', 'prunefrom', 'tf', 'ti', 'ts', 'th', 'g', 'n', 'nf', 'ef', 'sort', 'unit']) {
      expect(URL_PARAMS).toContain(p);
    }
  });

  it('round-trips through formatUrl, with the format version', () => {
    const states: UrlState[] = [
      { view: 'top', options: {} },
      { view: 'flamegraph', options: { sampleIndex: 'inuse_space', focus: '(a|b)+$ & ü', nodeCount: 5, nodeFraction: 0, noInlines: true } },
      { view: 'source', options: { focus: '^main\\.main$', granularity: 'lines', sort: 'cum', tagFocus: 'bytes=1kB:' } },
    ];
    for (const s of states) {
      const url = formatUrl(s, '/app/index.html');
      expect(url).toMatch(/^\/app\/index\.html\?view=/);
      expect(url).toMatch(/[?&]v=1$/);
      const [path, q] = url.split('?');
      expect(parseUrl(path, '?' + q)).toEqual({ state: s, errors: [] });
    }
  });

  it("reads and writes pprof's /ui/ paths", () => {
    expect(parseUrl('/ui/', '').state.view).toBe('graph');
    expect(parseUrl('/ui', '').state.view).toBe('graph');
    expect(parseUrl('/ui/top', '?si=cpu').state).toEqual({ view: 'top', options: { sampleIndex: 'cpu' } });
    expect(parseUrl('/ui/flamegraph', '').state.view).toBe('flamegraph');
    expect(parseUrl('/ui/graph', '')).toEqual({ state: { view: 'graph', options: {} }, errors: [] });
    expect(parseUrl('/ui/peek', '?f=Encode').state).toEqual({ view: 'peek', options: { focus: 'Encode' } });
    expect(formatUrl({ view: 'graph', options: { hide: 'x' } }, '/ui/top')).toBe('/ui/?h=x&v=1');
    expect(formatUrl({ view: 'source', options: {} }, '/ui/')).toBe('/ui/source?v=1');
    expect(parseUrl('/ui/disasm', '').errors[0]).toMatch(/Unknown view "disasm"/);
  });

  it('defaults to Top on a static page', () => {
    expect(parseUrl('/', '')).toEqual({ state: { view: 'top', options: {} }, errors: [] });
    expect(parseUrl('/index.html', '?')).toEqual({ state: { view: 'top', options: {} }, errors: [] });
  });

  it('ignores unknown parameters and reports invalid values', () => {
    const { state, errors } = parseUrl('/', '?view=nope&utm_source=x&n=ten&nf=abc&g=lines2&sort=up&calltree=maybe&f=&v=2');
    expect(state).toEqual({ view: 'top', options: {} });
    expect(errors).toHaveLength(7);
    expect(errors.join('\n')).toMatch(/v=2/);
    expect(errors.join('\n')).toMatch(/Unknown view "nope"/);
    expect(errors.join('\n')).toMatch(/n=ten in the address: nodecount must be an integer/);
    expect(errors.join('\n')).toMatch(/g=lines2 in the address: granularity must be one of/);
    expect(errors.join('\n')).not.toMatch(/utm_source/);
  });

  it('finds the app root for relative fetches', () => {
    expect(appBase('/ui/top')).toBe('/');
    expect(appBase('/x/ui/')).toBe('/x/');
    expect(appBase('/')).toBe('/');
    expect(appBase('/app/index.html')).toBe('/app/');
  });

  it('quotes names as pprof does', () => {
    expect(quotemeta('pkg.(*T).M[...]')).toBe('pkg\\.\\(\\*T\\)\\.M\\[\\.\\.\\.\\]');
    expect(new RegExp('^' + quotemeta('a|b$c') + '$').test('a|b$c')).toBe(true);
  });
});
