// The Top table's client-side sorting (as pprof's top.html does it, but by
// absolute value so that negative rows of a delta profile rank by size), and
// the Sum% column recomputed for the order on screen.
import type { TopRow } from '../../core/view/top';
import { percentage } from '../../core/units/measurement';

export type TopColumn = 'flat' | 'flatPercent' | 'sum' | 'cum' | 'cumPercent' | 'name';

export interface TopSort {
  column: TopColumn;
  descending: boolean;
}

/** Numeric columns sort biggest first on the first click; Name A to Z. */
export function nextSort(cur: TopSort, column: TopColumn): TopSort {
  if (cur.column === column) return { column, descending: !cur.descending };
  return { column, descending: column !== 'name' };
}

/** The sort the engine's order already is: by |cum| when the rows are not in |flat| order. */
export function initialSort(rows: TopRow[]): TopSort {
  for (let i = 1; i < rows.length; i++) {
    if (Math.abs(rows[i].flat) > Math.abs(rows[i - 1].flat)) return { column: 'cum', descending: true };
  }
  return { column: 'flat', descending: true };
}

/** Row indices in display order. Ties keep the engine's (pprof's) order. */
export function sortRows(rows: TopRow[], s: TopSort): number[] {
  const idx = rows.map((_, i) => i);
  let key: ((r: TopRow) => number) | null = null;
  switch (s.column) {
    case 'flat':
    case 'flatPercent':
      key = (r) => Math.abs(r.flat);
      break;
    case 'cum':
    case 'cumPercent':
      key = (r) => Math.abs(r.cum);
      break;
    case 'sum':
      return s.descending ? idx : idx.reverse(); // pprof's own order, running sum first
    case 'name':
      break;
  }
  const dir = s.descending ? -1 : 1;
  if (key) {
    const k = key;
    idx.sort((a, b) => dir * (k(rows[a]) - k(rows[b])) || a - b);
  } else {
    idx.sort((a, b) => {
      const x = rows[a].name;
      const y = rows[b].name;
      return dir * (x < y ? -1 : x > y ? 1 : 0) || a - b;
    });
  }
  return idx;
}

/** The Sum% strings for rows shown in `order`: pprof's own when the order is pprof's. */
export function sumPercents(rows: TopRow[], order: number[], total: number): string[] {
  if (order.every((v, i) => v === i)) return order.map((i) => rows[i].sumPercent);
  let sum = 0;
  return order.map((i) => {
    sum += rows[i].flat;
    return percentage(sum, total).trim();
  });
}
