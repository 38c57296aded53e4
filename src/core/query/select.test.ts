// applyQuery's select mode must keep exactly the samples the filtering mode
// keeps, with the same total, warnings and errors.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../../test/fixtures';
import { parseProfile } from '../profile/parse';
import type { Profile } from '../profile/model';
import { applyQuery, selectsOnly } from './index';
import type { Options } from './options';

const files = readdirSync(GO).filter((f) => f.endsWith('.pb.gz') || f.endsWith('.txt'));

/** Each kept sample as text: stack (location rows) and values. */
function rows(p: Profile, keep: Uint8Array | null): string[] {
  const s = p.samples;
  const out: string[] = [];
  for (let i = 0; i < s.count; i++) {
    if (keep && !keep[i]) continue;
    out.push(`${s.stackLocs.subarray(s.stackStart[i], s.stackStart[i + 1]).join(',')}|${s.values.map((v) => v[i]).join(',')}`);
  }
  return out;
}

function outcome(p: Profile, o: Options, select: boolean) {
  try {
    const q = applyQuery(p, o, { select });
    return { rows: rows(q.profile, q.keep), total: q.total, warnings: q.warnings, filters: q.filters, type: q.sampleType };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const variants: Options[] = [
  {},
  { focus: 'main' },
  { focus: 'runtime', ignore: 'gc' },
  { ignore: 'runtime' },
  { ignore: '.' },
  { focus: 'nothing-matches-this' },
  { focus: 'workload', relativePercentages: true },
  { focus: '[' },
  { tagFocus: 'bytes=1kb:' },
  { tagIgnore: 'workload=encode', focus: 'main' },
  { tagFocus: 'nolabel=x', relativePercentages: true, sampleIndex: '0' },
  { focus: 'main', hide: 'runtime' }, // not select-only: filtered as usual
];

describe('applyQuery select mode', () => {
  it.each(files)('%s: the same samples, total and warnings as filtering', (file) => {
    const p = parseProfile(new Uint8Array(readFileSync(path.join(GO, file))));
    for (const o of variants) {
      expect({ o, ...outcome(p, o, true) }).toEqual({ o, ...outcome(p, o, false) });
    }
  });

  it('selects only when the options leave stacks and labels alone', () => {
    expect(selectsOnly({ focus: 'a', ignore: 'b', tagFocus: 'c', tagIgnore: 'd', sampleIndex: '1' })).toBe(true);
    for (const o of [{ hide: 'a' }, { show: 'a' }, { showFrom: 'a' }, { pruneFrom: 'a' }, { tagRoot: 'a' }, { tagLeaf: 'a' }, { tagShow: 'a' }, { tagHide: 'a' }]) {
      expect(selectsOnly(o)).toBe(false);
    }
    const p = parseProfile(new Uint8Array(readFileSync(path.join(GO, 'cpu.pb.gz'))));
    const q = applyQuery(p, { focus: 'main' }, { select: true });
    expect(q.profile).toBe(p);
    expect(q.keep).not.toBeNull();
    expect(applyQuery(p, { focus: 'main' }).keep).toBeNull();
  });
});
