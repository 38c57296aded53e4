// Splits the graph's items (nodes, then edges) into chunks drawn one per
// animation frame, so no frame's script + style + layout of SVG text (the
// bulk of the cost) makes a long task. An item's cost counts its shapes, a
// text three times: laying out a text costs about as much as building three
// shapes.
import type { GraphShape } from '../../core/view/graph';

/** Cost units per chunk: about 20 nodes or 40 edges, well under 50 ms of work on a loaded machine. */
export const CHUNK_COST = 100;

export function shapesCost(shapes: readonly GraphShape[]): number {
  let c = 1; // the item's own group and title
  for (const s of shapes) c += s.kind === 'text' ? 3 : 1;
  return c;
}

/** The end index (exclusive) of each chunk of items with these costs; every chunk has at least one item. */
export function planChunks(costs: readonly number[], budget: number = CHUNK_COST): number[] {
  const ends: number[] = [];
  let sum = 0;
  for (let i = 0; i < costs.length; i++) {
    if (sum > 0 && sum + costs[i] > budget) {
      ends.push(i);
      sum = 0;
    }
    sum += costs[i];
  }
  if (costs.length > 0) ends.push(costs.length);
  return ends;
}
