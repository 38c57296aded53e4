import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import type { Profile } from '../profile/model';
import type { Options } from '../query/options';
import { scaledLabel } from '../units/measurement';
import { DEFAULT_MAX_FRAMES, flameView, MIN_FRAME_PX, type FlameNode } from './flame';

const cache = new Map<string, Profile>();
const load = (f: string): Profile => {
  let p = cache.get(f);
  if (!p) cache.set(f, (p = parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, f))))));
  return p;
};
const golden = (f: string) => fs.readFileSync(path.join(GO, f), 'utf8');

// A width so large that nothing is pruned.
const ALL = 1e15;
const flame = (f: string, options: Options = {}, width = ALL, zoom?: string[], maxFrames = Infinity) =>
  flameView(load(f), { view: 'flamegraph', options, width, zoom, maxFrames });

interface TopRow {
  flat: string;
  cum: string;
  name: string;
}

function topRows(text: string): TopRow[] {
  const ls = text.split('\n');
  const h = ls.findIndex((l) => /^\s+flat\s+flat%/.test(l));
  return ls
    .slice(h + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^\s*(\S+)\s+\S+\s+\S+\s+(\S+)\s+\S+\s+(.*)$/.exec(l)!;
      return { flat: m[1], cum: m[2], name: m[3].replace(/ \((partial-)?inline\)$/, '') };
    });
}

/** Formats v in the unit of a pprof label such as "9070ms", "0.65MB" or "89". */
function likeGolden(v: number, sampleUnit: string, label: string): string {
  const unit = /[a-zA-Z]*$/.exec(label)![0];
  return scaledLabel(v, sampleUnit, unit === '' ? 'minimum' : unit);
}

function walk(n: FlameNode, f: (n: FlameNode, ancestors: FlameNode[]) => void, anc: FlameNode[] = []): void {
  f(n, anc);
  anc.push(n);
  for (const c of n.children) walk(c, f, anc);
  anc.pop();
}

/** -top's flat and cum of a function, from the flame tree: cum counts the outermost frame of each path only. */
function flatCum(root: FlameNode, name: string): { flat: number; cum: number } {
  let flat = 0;
  let cum = 0;
  walk(root, (n, anc) => {
    if (n.name !== name) return;
    flat += n.self;
    if (!anc.some((a) => a.name === name)) cum += n.cum;
  });
  return { flat, cum };
}

const totalOf = (text: string) => /of (\S+) total/.exec(text)![1];

describe('flameView', () => {
  for (const [file, dir] of [
    ['cpu.pb.gz', 'cpu'],
    ['heap.pb.gz', 'heap'],
    ['goroutine.pb.gz', 'goroutine'],
    ['heap.delta.pb.gz', 'heap.delta'],
  ]) {
    it(`equals -top's total, flat and cum at granularity functions (${file})`, () => {
      const g = golden(`${dir}/top.txt`);
      const r = flame(file, { granularity: 'functions' });
      const d = r.data;
      expect(d.root.name).toBe('root');
      expect(likeGolden(d.total, d.sampleUnit, totalOf(g))).toBe(totalOf(g));
      // Unfiltered, the width of the root is pprof's total (sum of |value|).
      expect(d.root.value).toBe(d.total);
      const rows = topRows(g);
      expect(rows.length).toBeGreaterThan(3);
      for (const row of rows) {
        const { flat, cum } = flatCum(d.root, row.name);
        expect([row.name, likeGolden(flat, d.sampleUnit, row.flat)]).toEqual([row.name, row.flat]);
        expect([row.name, likeGolden(cum, d.sampleUnit, row.cum)]).toEqual([row.name, row.cum]);
      }
      // The header is pprof's.
      const head = g.split('\n');
      expect(r.header.lines).toEqual(head.slice(0, r.header.lines.length));
      expect(r.header.legend[0]).toMatch(/^Showing nodes accounting for \S+, \S+ of \S+ total$/);
    });
  }

  it('uses granularity filefunctions by default: names carry the file', () => {
    const d = flame('cpu.pb.gz').data;
    const names: string[] = [];
    walk(d.root, (n) => names.push(n.name));
    expect(names).toContain('example.com/workload/internal/checksum.Fill example.com/workload/internal/checksum/checksum.go');
    const fill = flatCum(d.root, 'example.com/workload/internal/checksum.Fill example.com/workload/internal/checksum/checksum.go');
    const row = topRows(golden('cpu/top.txt')).find((r) => r.name === 'example.com/workload/internal/checksum.Fill')!;
    expect(likeGolden(fill.cum, d.sampleUnit, row.cum)).toBe(row.cum);
    // fn is the function name alone, for REFINE.
    let fn = '';
    walk(d.root, (n) => {
      if (n.name.startsWith('example.com/workload/internal/checksum.Fill ')) fn = n.fn;
    });
    expect(fn).toBe('example.com/workload/internal/checksum.Fill');
  });

  it('each frame is as wide as its samples: children never exceed their parent', () => {
    walk(flame('cpu.pb.gz').data.root, (n) => {
      const sum = n.children.reduce((s, c) => s + c.value, 0);
      expect(sum + Math.abs(n.self)).toBeCloseTo(n.value, 3);
    });
  });

  it('sends only frames wide enough to see at the width', () => {
    const full = flame('large.pb.gz');
    const narrow = flame('large.pb.gz', {}, 300);
    const wide = flame('large.pb.gz', {}, 3000);
    expect(narrow.data.frames).toBeLessThan(wide.data.frames);
    expect(wide.data.frames).toBeLessThan(full.data.frames);
    expect(narrow.data.omitted).toBeGreaterThan(0);
    expect(full.data.omitted).toBe(0);
    const min = (narrow.data.root.value / 300) * MIN_FRAME_PX;
    let count = 0;
    walk(narrow.data.root, (n) => {
      count++;
      expect(n.value).toBeGreaterThanOrEqual(min);
    });
    expect(count).toBe(narrow.data.frames);
    // Pruning does not change the numbers of what is sent.
    expect(narrow.data.root.value).toBe(full.data.root.value);
    expect(narrow.data.root.children.map((c) => [c.name, c.cum])).toEqual(
      full.data.root.children.filter((c) => c.value >= min).map((c) => [c.name, c.cum]),
    );
  });

  it('sends the widest frames up to maxFrames', () => {
    const values = (root: FlameNode) => {
      const out: number[] = [];
      walk(root, (n) => out.push(n.value));
      return out.sort((a, b) => b - a);
    };
    const all = values(flame('large.pb.gz', {}, 3000).data.root);
    const capped = flame('large.pb.gz', {}, 3000, undefined, 50);
    expect(capped.data.frames).toBe(50);
    expect(capped.data.omitted).toBeGreaterThan(0);
    expect(values(capped.data.root)).toEqual(all.slice(0, 50));
    expect(flame('large.pb.gz', {}, 3000, undefined, 0).data.frames).toBe(Math.min(all.length, DEFAULT_MAX_FRAMES));
  });

  it('re-roots on zoom, keeping the ancestors as a thin faded path', () => {
    const full = flame('cpu.pb.gz').data.root;
    // Follow the widest child three levels down.
    const chain: FlameNode[] = [];
    let cur = full;
    for (let i = 0; i < 3; i++) {
      cur = cur.children.reduce((a, b) => (b.value > a.value ? b : a));
      chain.push(cur);
    }
    const zoom = chain.map((c) => c.name);
    const z = flame('cpu.pb.gz', {}, 1000, zoom).data;
    expect(z.zoom).toEqual(zoom);
    let n = z.root;
    expect(n.name).toBe('root');
    for (const want of chain) {
      expect(n.fade).toBe(true);
      expect(n.value).toBe(chain[2].value);
      expect(n.children.map((c) => c.name)).toEqual([want.name]);
      n = n.children[0];
    }
    expect(n.fade).toBeUndefined();
    expect([n.name, n.value, n.self, n.cum]).toEqual([chain[2].name, chain[2].value, chain[2].self, chain[2].cum]);
    // The pruning is relative to the zoomed frame: narrow frames of it now show.
    const min = (chain[2].value / 1000) * MIN_FRAME_PX;
    expect(n.children.map((c) => c.name)).toEqual(chain[2].children.filter((c) => c.value >= min).map((c) => c.name));
    // An ancestor keeps its own numbers.
    expect(z.root.children[0].cum).toBe(chain[0].cum);
  });

  it('cuts a zoom path at the first frame it does not find', () => {
    const full = flame('cpu.pb.gz').data.root;
    const first = full.children[0].name;
    const z = flame('cpu.pb.gz', {}, 1000, [first, 'no such frame', 'x']).data;
    expect(z.zoom).toEqual([first]);
    expect(z.root.fade).toBe(true);
    expect(z.root.children[0].name).toBe(first);
    expect(z.root.children[0].fade).toBeUndefined();
  });

  it('draws negative values as a diff: width of |value|, signed delta', () => {
    const r = flame('heap.delta.pb.gz');
    const d = r.data;
    expect(d.diff).toBe(true);
    walk(d.root, (n) => {
      expect(n.delta).toBe(n.cum);
      expect(n.value).toBeGreaterThanOrEqual(Math.abs(n.cum));
    });
    // root: pprof's "Showing nodes accounting for -6.68MB, 21.50% of 31.06MB total"
    const g = golden('heap.delta/top.txt');
    const shown = /accounting for (\S+),/.exec(g)![1];
    expect(likeGolden(d.root.cum, d.sampleUnit, shown)).toBe(shown);
    expect(r.header.legend).toEqual([/^Showing nodes accounting for .*$/m.exec(g)![0]]);
    expect(flame('heap.pb.gz').data.diff).toBe(false);
    expect(flame('heap.pb.gz').data.root.delta).toBeUndefined();
  });

  it('applies the options: focus narrows the tree, the total stays pprof\'s', () => {
    const g = golden('cpu/focus-encodeRecord.top.txt');
    const r = flame('cpu.pb.gz', { focus: 'encodeRecord', granularity: 'functions' });
    expect(likeGolden(r.data.total, r.data.sampleUnit, totalOf(g))).toBe(totalOf(g));
    // Every sample left goes through encodeRecord: the root is as wide as its cum.
    const row = topRows(g).find((x) => x.name.endsWith('encodeRecord'))!;
    expect(likeGolden(r.data.root.cum, r.data.sampleUnit, row.cum)).toBe(row.cum);
    expect(r.header.legend).toContain('Active filters:');
    const none = flame('cpu.pb.gz', { focus: 'no_function_matches_this' });
    expect(none.data.root.value).toBe(0);
    expect(none.data.root.children).toEqual([]);
    expect(none.header.warnings).toEqual(['Focus expression matched no samples']);
  });

  it('follows the sample index', () => {
    const g = golden('heap/sample_index-alloc_space.top.txt');
    const d = flame('heap.pb.gz', { sampleIndex: 'alloc_space' }).data;
    expect(likeGolden(d.root.value, d.sampleUnit, totalOf(g))).toBe(totalOf(g));
  });
});

describe('flameView across switches', () => {
  // Another sample type, focus or ignore reuses the sorted stacks of the
  // profile (applyQuery's select mode): the answers must be those of a
  // profile seen for the first time.
  const fresh = (p: Profile): Profile => ({ ...p, samples: { ...p.samples } });
  const sequence: Options[] = [
    {},
    { sampleIndex: 'alloc_space' },
    { sampleIndex: 'alloc_objects', focus: 'main' },
    { ignore: 'runtime' },
    { focus: 'encode', ignore: 'flate', relativePercentages: true },
    { hide: 'runtime', focus: 'main' },
    { sampleIndex: 'inuse_space', mean: true },
    { tagFocus: 'bytes=1kb:' },
    { granularity: 'functions', focus: 'main' },
    {},
  ];
  it.each(['heap.pb.gz', 'allocs.delta.pb.gz'])('%s: the same flame graph as a fresh profile', (file) => {
    const p = load(file);
    for (const options of sequence) {
      for (const width of [ALL, 800]) {
        const got = flameView(p, { view: 'flamegraph', options, width });
        const want = flameView(fresh(p), { view: 'flamegraph', options, width });
        expect({ options, width, got }).toEqual({ options, width, got: want });
      }
    }
  });
});
