import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INFLATE, parseCliArgs } from './cli-args';
import { FlagError, parseGoFlags } from './go-flags';

const err = (argv: string[]): FlagError => {
  try {
    parseCliArgs(argv);
  } catch (e) {
    if (e instanceof FlagError) return e;
    throw e;
  }
  throw new Error('no error for ' + argv.join(' '));
};

describe('Go flag syntax', () => {
  it('takes -flag=value, -flag value, --flag and booleans', () => {
    const a = parseCliArgs(['-focus=enc', '-ignore', 'runtime', '--nodecount=7', '-cum', '-top', 'a.pb.gz']);
    expect(a.options).toEqual({ focus: 'enc', ignore: 'runtime', nodeCount: 7, sort: 'cum' });
    expect(a.report).toEqual({ kind: 'top' });
    expect(a.sources).toEqual(['a.pb.gz']);
  });

  it('parses booleans as Go does: -b, -b=true, -b=0, never -b false', () => {
    expect(parseCliArgs(['-noinlines=true', 'x']).options.noInlines).toBe(true);
    expect(parseCliArgs(['-noinlines=0', 'x']).options.noInlines).toBeUndefined();
    expect(parseCliArgs(['-noinlines=T', 'x']).options.noInlines).toBe(true);
    // "false" after a boolean flag is a source, as in Go.
    expect(parseCliArgs(['-noinlines', 'false']).sources).toEqual(['false']);
    expect(err(['-cum=maybe', 'x']).message).toBe('invalid boolean value "maybe" for -cum: parse error');
  });

  it('accepts flags after the sources and stops at --', () => {
    const a = parseCliArgs(['-top', 'cpu.pb.gz', '-cum', '--', '-odd-name']);
    expect(a.options.sort).toBe('cum');
    expect(a.sources).toEqual(['cpu.pb.gz', '-odd-name']);
  });

  it('reports Go’s errors for bad flags and values', () => {
    expect(err(['-x']).message).toBe('flag provided but not defined: -x');
    expect(err(['-x']).showUsage).toBe(true);
    expect(err(['-nodecount=abc', 'x']).message).toBe('invalid value "abc" for flag -nodecount: parse error');
    expect(err(['-nodecount']).message).toBe('flag needs an argument: -nodecount');
    expect(err(['-nodefraction=1/2', 'x']).message).toBe('invalid value "1/2" for flag -nodefraction: parse error');
    expect(() => parseGoFlags(['---x'], {})).toThrow('bad flag syntax: ---x');
  });

  it('reads numbers like strconv: hex, octal, floats', () => {
    expect(parseCliArgs(['-nodecount=0x10', 'x']).options.nodeCount).toBe(16);
    expect(parseCliArgs(['-nodecount=010', 'x']).options.nodeCount).toBe(8);
    expect(parseCliArgs(['-nodefraction=1e-3', 'x']).options.nodeFraction).toBe(0.001);
    expect(parseCliArgs(['-edgefraction', '.5', 'x']).options.edgeFraction).toBe(0.5);
  });

  it('-h and -help ask for usage', () => {
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['--help']).help).toBe(true);
  });
});

describe('pprof options', () => {
  it('maps every option to Options', () => {
    const a = parseCliArgs([
      '-sample_index=alloc_space', '-mean', '-hide=h', '-show=s', '-show_from=sf', '-prune_from=pf',
      '-tagfocus=k=v', '-tagignore=i', '-tagshow=ts', '-taghide=th', '-tagroot=a,b', '-tagleaf=c', '-lines', '-noinlines',
      '-nodefraction=0.1', '-edgefraction=0.01', '-unit=ms', '-relative_percentages', '-drop_negative',
      '-call_tree', '-flat', '-source_path=src', '-trim_path=/x', 'p',
    ]);
    expect(a.options).toEqual({
      sampleIndex: 'alloc_space', mean: true, hide: 'h', show: 's', showFrom: 'sf', pruneFrom: 'pf',
      tagFocus: 'k=v', tagIgnore: 'i', tagShow: 'ts', tagHide: 'th', tagRoot: 'a,b', tagLeaf: 'c', granularity: 'lines', noInlines: true,
      nodeFraction: 0.1, edgeFraction: 0.01, unit: 'ms', relativePercentages: true, dropNegative: true,
      callTree: true, sort: 'flat', sourcePath: 'src', trimPath: '/x',
    });
  });

  it('accepts -granularity= beside -lines, -files ... and rejects conflicts', () => {
    expect(parseCliArgs(['-granularity=files', 'p']).options.granularity).toBe('files');
    expect(parseCliArgs(['-granularity=lines', '-lines', 'p']).options.granularity).toBe('lines');
    expect(err(['-lines', '-files', 'p']).message).toBe('conflicting options set: [files lines]');
    expect(err(['-granularity=bytes', 'p']).message).toMatch(/^invalid value "bytes" for flag -granularity/);
    expect(err(['-cum', '-flat', 'p']).message).toBe('conflicting options set: [cum flat]');
  });

  it('takes one report, with its regexp for -peek and -list', () => {
    expect(parseCliArgs(['-peek=Encode$', 'p']).report).toEqual({ kind: 'peek', regexp: 'Encode$' });
    expect(parseCliArgs(['-list', 'main', 'p']).report).toEqual({ kind: 'list', regexp: 'main' });
    expect(err(['-top', '-raw', 'p']).message).toBe('must set at most one output format');
    expect(err(['-top', '-http=:0', 'p']).message).toBe('-http is not compatible with an output format on the command line');
  });

  it('handles bases, diff bases and normalize', () => {
    // As in Go 1.19's pprof, the last -diff_base given wins.
    const a = parseCliArgs(['-diff_base=b1', '-diff_base', 'b2', 'p']);
    expect(a.bases).toEqual(['b2']);
    expect(a.diffBase).toBe(true);
    expect(parseCliArgs(['-base=b', '-normalize', 'p'])).toMatchObject({ bases: ['b'], diffBase: false, normalize: true });
    expect(err(['-base=a', '-diff_base=b', 'p']).message).toBe('-base and -diff_base flags cannot both be specified');
    expect(err(['-normalize', 'p']).message).toBe('must have base profile to normalize by');
  });

  it('reads the legacy sample flags and -trim=false', () => {
    expect(parseCliArgs(['-alloc_space', 'p']).options.sampleIndex).toBe('alloc_space');
    const two = parseCliArgs(['-alloc_space', '-inuse_objects', 'p']);
    expect(two.options.sampleIndex).toBe('inuse_objects');
    expect(two.warnings).toEqual(['Multiple value selections, ignoring -alloc_space']);
    expect(parseCliArgs(['-mean_delay', 'p']).options).toEqual({ sampleIndex: 'delay', mean: true });
    expect(parseCliArgs(['-trim=false', 'p']).options).toEqual({ nodeCount: 0, nodeFraction: 0, edgeFraction: 0 });
  });

  it('parses -max_inflate sizes and -http', () => {
    expect(parseCliArgs(['p']).maxInflate).toBe(DEFAULT_MAX_INFLATE);
    expect(parseCliArgs(['-max_inflate=512MB', 'p']).maxInflate).toBe(512 * 2 ** 20);
    expect(parseCliArgs(['-max_inflate=2GiB', 'p']).maxInflate).toBe(2 * 2 ** 30);
    expect(err(['-max_inflate=lots', 'p']).message).toMatch(/^invalid value "lots" for flag -max_inflate/);
    expect(parseCliArgs(['-http=:6001', '-no_browser'])).toMatchObject({ http: ':6001', noBrowser: true, sources: [] });
    expect(err(['-no_browser', 'p']).message).toBe('-no_browser only makes sense with -http');
  });

  it('parses the share store flags', () => {
    expect(parseCliArgs(['-http=:0'])).toMatchObject({ shareDir: undefined, shareLimit: 64 * 2 ** 20 });
    expect(parseCliArgs(['-http=:0', '-share_dir=cache/x', '-share_limit=1GiB'])).toMatchObject({ shareDir: 'cache/x', shareLimit: 2 ** 30 });
    expect(err(['-http=:0', '-share_limit=0']).message).toMatch(/^invalid value "0" for flag -share_limit/);
  });
});
