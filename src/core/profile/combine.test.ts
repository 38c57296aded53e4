import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../../test/fixtures';
import { ProfileBuilder } from './builder';
import { addFakeMapping, loadProfiles, mergeChangesSums } from './combine';
import { str, type Profile } from './model';
import { parseProfile } from './parse';
import { profileToString } from './to-string';
import { runTextReport } from '../report/index';
import type { Options } from '../query/options';

const load = (name: string): Profile => parseProfile(readFileSync(path.join(GO, name)));
const total = (p: Profile, t: number): number => p.samples.values[t].reduce((a, v) => a + Math.abs(v), 0);

describe('loadProfiles (the driver before -raw)', () => {
  const base = load('cpu.base.pb.gz');
  const fresh = load('cpu.new.pb.gz');

  it('compacts a single source', () => {
    const p = loadProfiles([load('threadcreate.pb.gz')]);
    // Only the mapping that locations use survives, as in pprof's -raw.
    expect(p.mappings.map((m) => str(p, m.file))).toEqual(['/srv/workload/bin/workload']);
    // The empty-stack record is still there (-raw's filter drops it later; totals count it).
    expect(total(p, 0)).toBe(10);
  });


  it('-diff_base labels the negated base samples', () => {
    const p = loadProfiles([fresh], [base], { diffBase: true });
    let negative = 0;
    for (let i = 0; i < p.samples.count; i++) {
      const isBase = p.samples.values[1][i] < 0;
      let labelled = false;
      for (let k = p.samples.labelStart[i]; k < p.samples.labelStart[i + 1]; k++) {
        if (str(p, p.samples.labelKey[k]) === 'pprof::base' && str(p, p.samples.labelStr[k]) === 'true') labelled = true;
      }
      expect(labelled).toBe(isBase);
      if (isBase) negative++;
    }
    expect(negative).toBeGreaterThan(0);
    expect(p.durationNanos).toBe(base.durationNanos + fresh.durationNanos);
  });

  it('-base of a profile against itself leaves nothing', () => {
    const p = loadProfiles([base], [base]);
    expect(p.samples.count).toBe(0);
    expect(p.locations.count).toBe(0);
  });

  it('-normalize scales the source to the base total first', () => {
    const n = loadProfiles([fresh], [base], { diffBase: true, normalize: true });
    let sum = 0;
    for (let i = 0; i < n.samples.count; i++) sum += n.samples.values[1][i];
    // new scaled to base's total, minus base: the net is (about) zero.
    expect(Math.abs(sum)).toBeLessThan(total(base, 1) * 0.01);
  });

  it('gives a profile without mappings a fake one', () => {
    const b = new ProfileBuilder();
    b.addSampleType('samples', 'count');
    const f = b.addFunction('f', 'f', 'f.go');
    const l = b.addLocation(0x10n, -1, [{ function: f, line: 1 }]);
    b.addSample([l], [1]);
    const p = addFakeMapping(b.build());
    expect(p.mappings).toHaveLength(1);
    expect(p.mappings[0].id).toBe(1);
    expect(Array.from(p.locations.mapping)).toEqual([0]);
  });
});

describe('loadProfiles sumsOnly (a lone source used as read)', () => {
  const files = readdirSync(GO).filter((f) => f.endsWith('.pb.gz') || f.endsWith('.txt'));
  const variants: Options[] = [
    {},
    { granularity: 'lines' },
    { granularity: 'addresses', nodeCount: 20 },
    { granularity: 'files', sort: 'cum' },
    { noInlines: true, nodeFraction: 0 },
    { mean: true, sampleIndex: '1', nodeCount: 30 },
    { tagRoot: 'workload', focus: 'main|encode' },
    { callTree: true, nodeCount: 25 },
  ];
  const kinds = ['top', 'tree', 'dot'] as const;

  it.each(files)('%s: -top, -tree and -dot equal those of the merged profile', (file) => {
    const src = load(file);
    const merged = loadProfiles([src]);
    const asRead = loadProfiles([src], [], { sumsOnly: true });
    for (const o of variants) {
      for (const kind of kinds) {
        const want = runTextReport(kind, merged, o);
        const got = runTextReport(kind, asRead, o);
        expect({ file, kind, o, out: got }).toEqual({ file, kind, o, out: want });
      }
    }
  });

  it('merges whenever Merge could change the sums', () => {
    for (const file of files) {
      const src = load(file);
      const negative = src.samples.values.some((v) => v.some((x) => x < 0));
      expect(mergeChangesSums(src), file).toBe(negative);
      // As read: the same stacks, not a compacted copy (unless drop_frames cut them).
      if (!negative && src.dropFrames === 0) {
        expect(loadProfiles([src], [], { sumsOnly: true }).samples.stackLocs, file).toBe(src.samples.stackLocs);
      }
    }
    const b = new ProfileBuilder();
    b.addSampleType('samples', 'count');
    // The same library twice: Merge makes it one mapping, and the two locations one.
    const file = b.string('libx.so');
    const m1 = b.addMapping({ file, start: 0x1000n, limit: 0x2000n });
    const m2 = b.addMapping({ file, start: 0x5000n, limit: 0x6000n });
    b.addSample([b.addLocation(0x1100n, m1, [])], [1]);
    b.addSample([b.addLocation(0x5100n, m2, [])], [1]);
    const twoMappings = b.build();
    expect(mergeChangesSums(twoMappings)).toBe(true);
    expect(loadProfiles([twoMappings], [], { sumsOnly: true }).samples.count).toBe(1);
  });
});
