import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';
import { mergeParams, optionsToParams } from './ui-params';

const params = (argv: string[]): string => optionsToParams(parseCliArgs([...argv, 'x.pb.gz']).options).toString();

describe('optionsToParams (pprof’s URL names)', () => {
  it('maps the refine flags', () => {
    expect(params(['-sample_index=alloc_space', '-focus=X'])).toBe('si=alloc_space&f=X');
    expect(params(['-ignore=a', '-hide=b', '-show=c', '-show_from=d', '-prune_from=e'])).toBe('i=a&prunefrom=e&h=b&s=c&sf=d');
    expect(params(['-tagfocus=k=v', '-tagignore=a', '-tagshow=b', '-taghide=c'])).toBe('tf=k%3Dv&ti=a&ts=b&th=c');
  });

  it('maps granularity, trimming, sort and unit', () => {
    expect(params(['-lines', '-nodecount=12', '-nodefraction=0.1', '-edgefraction=0.2', '-cum', '-unit=ms'])).toBe(
      'g=lines&n=12&nf=0.1&ef=0.2&sort=cum&unit=ms',
    );
    expect(params(['-granularity=addresses'])).toBe('g=addresses');
    expect(params(['-trim=false'])).toBe('n=0&nf=0&ef=0');
  });

  it('writes booleans as "t" and leaves out what was not given', () => {
    expect(params(['-call_tree', '-relative_percentages', '-noinlines', '-drop_negative', '-mean'])).toBe(
      'calltree=t&rel=t&noinlines=t&dropneg=t&mean=t',
    );
    expect(params([])).toBe('');
    expect(params(['-source_path=/src', '-trim_path=/x'])).toBe('');
    expect(params(['-alloc_space'])).toBe('si=alloc_space');
    expect(params(['-mean_delay'])).toBe('si=delay&mean=t');
  });
});

describe('mergeParams', () => {
  it('lets the request win and adds the format version', () => {
    const initial = new URLSearchParams('si=alloc_space&f=X');
    expect(mergeParams(initial, '').toString()).toBe('si=alloc_space&f=X&v=1');
    expect(mergeParams(initial, '?f=Y&n=3').toString()).toBe('si=alloc_space&f=Y&n=3&v=1');
    expect(mergeParams(initial, 'v=2').toString()).toBe('si=alloc_space&f=X&v=2');
  });
});
