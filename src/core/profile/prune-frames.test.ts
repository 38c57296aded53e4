import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from './builder';
import { str, type Profile } from './model';
import { removeUninteresting, simplifyFunc } from './prune-frames';

// Stacks are leaf first; a location may hold inlined frames "a+b" (a innermost).
function make(stacks: string[][], drop: string, keep = ''): Profile {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.dropFrames = b.string(drop);
  b.keepFrames = b.string(keep);
  const m = b.addMapping({ start: 0n, limit: 0x1000n });
  const locs = new Map<string, number>();
  for (const s of stacks) {
    const ids = s.map((name) => {
      let l = locs.get(name);
      if (l === undefined) {
        const lines = name.split('+').map((fn) => ({ function: b.addFunction(fn, fn, 'x.c'), line: 1 }));
        l = b.addLocation(BigInt(locs.size + 1), m, lines);
        locs.set(name, l);
      }
      return l;
    });
    b.addSample(ids, [1]);
  }
  return b.build();
}

function frames(p: Profile): string[] {
  const out: string[] = [];
  for (let i = 0; i < p.samples.count; i++) {
    const s: string[] = [];
    for (let k = p.samples.stackStart[i]; k < p.samples.stackStart[i + 1]; k++) {
      const l = p.samples.stackLocs[k];
      const names: string[] = [];
      for (let j = p.locations.lineStart[l]; j < p.locations.lineStart[l + 1]; j++) names.push(str(p, p.functions.name[p.locations.lineFunction[j]]));
      s.push(names.join('+'));
    }
    out.push(s.join(' '));
  }
  return out;
}

describe('removeUninteresting (drop_frames)', () => {
  it('removes the first matching frame from the root and all beneath it', () => {
    const p = make([['leaf', 'malloc', 'work', 'main'], ['work', 'main']], 'malloc');
    expect(frames(removeUninteresting(p))).toEqual(['work main', 'work main']);
  });

  it('keeps frames that keep_frames matches', () => {
    const p = make([['a', 'leaf', 'main']], 'a|leaf', 'leaf');
    expect(frames(removeUninteresting(p))).toEqual(['leaf main']);
  });

  it('does not prune before the first user frame from the root', () => {
    const p = make([['leaf', 'malloc']], 'malloc');
    expect(frames(removeUninteresting(p))).toEqual(['leaf malloc']);
  });

  it('trims a location’s inlined frames beneath the match', () => {
    const p = make([['inner+malloc+outer', 'main']], 'malloc');
    expect(frames(removeUninteresting(p))).toEqual(['outer main']);
  });

  it('is a no-op without drop_frames or with an invalid one', () => {
    const p = make([['a', 'b']], '');
    expect(removeUninteresting(p)).toBe(p);
    const bad = make([['a', 'b']], 'a(');
    expect(removeUninteresting(bad)).toBe(bad);
  });

  it('simplifies C++ names before matching', () => {
    expect(simplifyFunc('foo::bar(int, char)')).toBe('foo::bar');
    expect(simplifyFunc('(anonymous namespace)::f(int)')).toBe('(anonymous namespace)::f');
    expect(simplifyFunc('.ppc_entry')).toBe('ppc_entry');
    expect(simplifyFunc('operator()(x)')).toBe('operator()');
  });
});
