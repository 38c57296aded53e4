import { describe, expect, it } from 'vitest';
import { addLabelNodes } from './label-nodes';
import { applyQuery } from './index';
import { stacksOf, testProfile } from './test-profile';

describe('addLabelNodes (-tagroot / -tagleaf)', () => {
  const p = testProfile([
    { stack: 'main;work', labels: [{ key: 'stage', str: 'enc' }, { key: 'tenant', str: 'acme' }, { key: 'stage', str: 'x' }] },
    { stack: 'main;gc', labels: [{ key: 'size', num: 2048, numUnit: 'bytes' }, { key: 'n', num: 7 }] },
  ]);

  it('puts the first root key closest to the root, the last leaf key closest to the leaf', () => {
    const r = addLabelNodes(p, 'stage,tenant', 'size,n', 'minimum');
    expect(stacksOf(r.profile)).toEqual(['enc,x;acme;main;work;;', ';;main;gc;2kB;7']);
    expect([r.rootMatched, r.leafMatched]).toEqual([true, true]);
    // One pseudo location per distinct (values, key), with the key as file name.
    const L = r.profile.locations;
    expect(L.count).toBe(p.locations.count + 8);
    const f = L.lineFunction[L.lineStart[p.locations.count]];
    expect(r.profile.strings[r.profile.functions.filename[f]]).toBe('tenant');
    expect(L.id[L.count - 1]).toBe(Math.max(...p.locations.id) + 8);
    expect(L.mapping[L.count - 1]).toBe(-1);
  });

  it('leaves the profile alone without keys, and warns when no sample has them', () => {
    expect(addLabelNodes(p, undefined, '', 'minimum').profile).toBe(p);
    expect(applyQuery(p, { tagRoot: 'nomatch' }).warnings).toEqual(['TagRoot expression matched no samples']);
    expect(applyQuery(p, { tagLeaf: ',' }).warnings).toEqual(['TagLeaf expression matched no samples']);
  });

  it('lets the filters match the pseudo frames', () => {
    const q = applyQuery(p, { tagRoot: 'stage', focus: '^enc,x$' });
    expect(stacksOf(q.profile)).toEqual(['enc,x;main;work']);
  });
});
