// The Top table's sorting and its Sum% column, on the real cpu and heap.delta
// tables: pprof's order and strings stay as they are; other orders recompute.
import { describe, expect, it } from 'vitest';
import { goldenProfile } from '../../../test/view-goldens';
import { topView } from '../../core/view/top';
import { initialSort, nextSort, sortRows, sumPercents } from './top-order';

const cpu = topView(goldenProfile({ sources: ['cpu.pb.gz'], bases: [], diffBase: false }), { view: 'top', options: {} }).data;
const delta = topView(goldenProfile({ sources: ['heap.delta.pb.gz'], bases: [], diffBase: false }), { view: 'top', options: {} }).data;

describe('Top table order', () => {
  it('starts in pprof order, flat or cum', () => {
    expect(initialSort(cpu.rows)).toEqual({ column: 'flat', descending: true });
    expect(sortRows(cpu.rows, initialSort(cpu.rows))).toEqual(cpu.rows.map((_, i) => i));
    const byCum = topView(goldenProfile({ sources: ['cpu.pb.gz'], bases: [], diffBase: false }), { view: 'top', options: { sort: 'cum' } }).data;
    expect(initialSort(byCum.rows)).toEqual({ column: 'cum', descending: true });
  });

  it('toggles the direction on the same column, numbers biggest first, names A to Z', () => {
    expect(nextSort({ column: 'flat', descending: true }, 'flat')).toEqual({ column: 'flat', descending: false });
    expect(nextSort({ column: 'flat', descending: true }, 'cum')).toEqual({ column: 'cum', descending: true });
    expect(nextSort({ column: 'flat', descending: true }, 'name')).toEqual({ column: 'name', descending: false });
  });

  it('sorts by absolute cum, by name, and reverses', () => {
    const byCum = sortRows(delta.rows, { column: 'cum', descending: true }).map((i) => delta.rows[i]);
    for (let i = 1; i < byCum.length; i++) expect(Math.abs(byCum[i].cum)).toBeLessThanOrEqual(Math.abs(byCum[i - 1].cum));
    expect(byCum.some((r) => r.cum < 0)).toBe(true);
    const byName = sortRows(cpu.rows, { column: 'name', descending: false }).map((i) => cpu.rows[i].name);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const up = sortRows(cpu.rows, { column: 'flat', descending: false });
    expect(Math.abs(cpu.rows[up[0]].flat)).toBeLessThanOrEqual(Math.abs(cpu.rows[up[up.length - 1]].flat));
  });

  it("keeps pprof's Sum% in pprof order and recomputes it in another", () => {
    const natural = cpu.rows.map((_, i) => i);
    expect(sumPercents(cpu.rows, natural, cpu.total)).toEqual(cpu.rows.map((r) => r.sumPercent));
    const reversed = [...natural].reverse();
    const sums = sumPercents(cpu.rows, reversed, cpu.total);
    expect(sums[sums.length - 1]).toBe(cpu.rows[cpu.rows.length - 1].sumPercent);
    expect(sums[0]).toBe(cpu.rows[cpu.rows.length - 1].flatPercent);
  });
});
