// Go's debug=1 texts: pprof's numbers (its -raw golden, where everything is
// <unknown>), plus the names, labels and MemStats we read from the comments.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GO } from '../../../../test/fixtures';
import { parseLegacy } from './index';
import { decodeProto } from '../decode-proto';
import { encodeProto } from '../encode-proto';
import { profileToString } from '../to-string';
import { validateProfile } from '../validate';
import { str, type Profile } from '../model';
import { removeUninteresting } from '../prune-frames';

/** Sums of values per stack of addresses, from a -raw text. */
function rawStacks(raw: string): Map<string, number[]> {
  const lines = raw.split('\n');
  const addr = new Map<string, string>();
  for (const l of lines.slice(lines.indexOf('Locations') + 1, lines.indexOf('Mappings'))) {
    const m = /^ *(\d+): (0x[0-9a-f]+) /.exec(l);
    if (m) addr.set(m[1], m[2]);
  }
  const out = new Map<string, number[]>();
  for (const l of lines.slice(lines.indexOf('Samples:') + 2, lines.indexOf('Locations'))) {
    const m = /^ *(-?\d+(?: +-?\d+)*): ([\d ]*)$/.exec(l);
    if (!m) continue;
    const key = m[2].trim().split(' ').filter(Boolean).map((id) => addr.get(id)).join(' ');
    add(out, key, m[1].trim().split(/ +/).map(Number));
  }
  return out;
}

// pprof's driver merges the profile (profile.Merge), which drops samples
// whose values are all zero: skip them too.
function profileStacks(p: Profile): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < p.samples.count; i++) {
    if (p.samples.values.every((v) => v[i] === 0)) continue;
    const locs = Array.from(p.samples.stackLocs.subarray(p.samples.stackStart[i], p.samples.stackStart[i + 1]));
    add(out, locs.map((l) => '0x' + p.locations.address[l].toString(16)).join(' '), p.samples.values.map((v) => v[i]));
  }
  return out;
}

function add(m: Map<string, number[]>, k: string, v: number[]): void {
  const cur = m.get(k);
  if (cur) v.forEach((x, i) => (cur[i] += x));
  else m.set(k, [...v]);
}

/** Every `#\t0xPC\tname+0xOFF\tfile:line` line of a debug=1 text. */
function commentFrames(text: string): { pc: bigint; name: string; file: string; line: number }[] {
  return [...text.matchAll(/^#\t0x([0-9a-f]+)\t(\S+)\+0x[0-9a-f]+\t+(.*):(\d+)$/gm)].map((m) => ({
    pc: BigInt('0x' + m[1]),
    name: m[2],
    file: m[3],
    line: Number(m[4]),
  }));
}

function locationByAddress(p: Profile, a: bigint): number {
  for (let i = 0; i < p.locations.count; i++) if (p.locations.address[i] === a) return i;
  return -1;
}

function lineOf(p: Profile, loc: number): { name: string; file: string; line: number } | null {
  const L = p.locations;
  if (L.lineStart[loc] === L.lineStart[loc + 1]) return null;
  const k = L.lineStart[loc];
  const f = L.lineFunction[k];
  return { name: str(p, p.functions.name[f]), file: str(p, p.functions.filename[f]), line: L.lineNumber[k] };
}

const cases = [
  { name: 'heap.debug1', types: 'alloc_objects/count alloc_space/bytes inuse_objects/count inuse_space/bytes' },
  { name: 'goroutine.debug1', types: 'goroutine/count' },
];

describe.each(cases)('$name.txt', ({ name, types }) => {
  const text = fs.readFileSync(path.join(GO, name + '.txt'), 'utf8');
  const raw = fs.readFileSync(path.join(GO, name, 'raw.txt'), 'utf8');
  const p = parseLegacy(new TextEncoder().encode(text))!;

  it('is read, valid, and round-trips through protobuf', () => {
    expect(p).not.toBeNull();
    validateProfile(p);
    expect(profileToString(p)).toContain('\n' + types + '\n');
    // As in Go, a numeric label of 0 without unit (bytes:[0] of an all-zero
    // heap record) does not survive protobuf: profile.proto cannot tell it
    // from no label.
    const noZeroLabels = profileToString(p).replace(/\n {16}bytes:\[0\]/g, '');
    expect(profileToString(decodeProto(encodeProto(p)))).toBe(noZeroLabels);
  });

  it('has exactly pprof values per stack', () => {
    const want = rawStacks(raw);
    expect(want.size).toBeGreaterThan(3);
    expect(profileStacks(p)).toEqual(want);
    expect(raw).toContain(profileToString(p).split('\n').find((l) => l.startsWith('Period:')));
  });

  it('names every location the comments name', () => {
    const frames = commentFrames(text);
    expect(frames.length).toBeGreaterThan(10);
    for (const f of frames) {
      const loc = locationByAddress(p, f.pc);
      expect(loc, `location at 0x${f.pc.toString(16)}`).toBeGreaterThanOrEqual(0);
      expect(lineOf(p, loc)).toEqual({ name: f.name, file: f.file, line: f.line });
    }
    const m = p.mappings[0];
    expect([m.hasFunctions, m.hasFilenames, m.hasLineNumbers]).toEqual([true, true, true]);
  });
});

describe('heap.debug1.txt extras', () => {
  const text = fs.readFileSync(path.join(GO, 'heap.debug1.txt'), 'utf8');
  const p = parseLegacy(new TextEncoder().encode(text))!;

  it('keeps the runtime.MemStats block as comments', () => {
    const block = text.slice(text.indexOf('# runtime.MemStats')).trimEnd().split('\n');
    expect(block.length).toBeGreaterThan(20);
    expect(p.comments.map((c) => str(p, c))).toEqual(block.map((l) => l.replace(/^# /, '')));
  });

  it('uses the heap/R header as pprof does (period R/2)', () => {
    expect(p.period).toBe(Number(/@ heap\/(\d+)/.exec(text)![1]) / 2);
  });
});

describe('the hidden runtime.goexit root', () => {
  const text = fs.readFileSync(path.join(GO, 'heap.debug1.txt'), 'utf8');
  const p = parseLegacy(new TextEncoder().encode(text))!;
  const rootName = (q: Profile, i: number): string => {
    const loc = q.samples.stackLocs[q.samples.stackStart[i + 1] - 1];
    return lineOf(q, loc)?.name ?? '<unknown>';
  };

  it('names the last address of a stack whose frames were all printed', () => {
    // A goroutine's stack ends in runtime.goexit, which the text hides (a
    // stack cut at the runtime's depth limit, or run on the system stack,
    // ends in a printed frame).
    const named = (i: number): boolean => {
      for (let k = p.samples.stackStart[i]; k < p.samples.stackStart[i + 1]; k++) if (lineOf(p, p.samples.stackLocs[k])) return true;
      return false;
    };
    const roots = Array.from({ length: p.samples.count }, (_, i) => i).filter(named).map((i) => rootName(p, i));
    expect(roots.filter((r) => r === 'runtime.goexit').length).toBeGreaterThan(roots.length / 2);
    expect(roots.filter((r) => r === '<unknown>')).toEqual([]);
  });

  it('keeps the user frames through pprof\'s drop_frames (runtime\\..*) of heap profiles', () => {
    // With an unnamed root, Prune saw a "user" frame there and cut every
    // stack below it: all values landed on one <unknown> frame.
    const q = removeUninteresting(p);
    const names = new Set<string>();
    const L = q.locations;
    for (let k = 0; k < q.samples.stackLocs.length; k++) {
      const n = lineOf(q, q.samples.stackLocs[k]);
      if (n) names.add(n.name);
    }
    expect(names).toContain('example.com/workload/internal/store.(*Store).Put');
    expect(names).toContain('main.bigBuffers.func1');
    expect(L.count).toBeGreaterThan(0);
  });
});

describe('goroutine.debug1.txt labels', () => {
  it('carries the `# labels:` of each record like goroutine.pb.gz', () => {
    const p = parseLegacy(new Uint8Array(fs.readFileSync(path.join(GO, 'goroutine.debug1.txt'))))!;
    const pb = decodeProto(new Uint8Array(gunzipSync(fs.readFileSync(path.join(GO, 'goroutine.pb.gz')))));
    const byLabel = (q: Profile): Map<string, number> => {
      const m = new Map<string, number>();
      for (let i = 0; i < q.samples.count; i++) {
        const ls: string[] = [];
        for (let k = q.samples.labelStart[i]; k < q.samples.labelStart[i + 1]; k++) {
          ls.push(`${str(q, q.samples.labelKey[k])}=${str(q, q.samples.labelStr[k])}`);
        }
        const key = ls.sort().join(',');
        m.set(key, (m.get(key) ?? 0) + q.samples.values[0][i]);
      }
      return m;
    };
    expect(byLabel(p)).toEqual(byLabel(pb));
    expect([...byLabel(p).keys()]).toContain('pool=ingest');
  });
});
