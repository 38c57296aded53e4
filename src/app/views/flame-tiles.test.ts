// The flame graph's tiles: every frame wide enough is drawn by exactly one
// tile, at its own x and row, tiles keep to their budget, and the widest
// frames are kept when there are too many.
import { describe, expect, it } from 'vitest';
import { hierarchy, partition } from 'd3';
import type { FlameNode } from '../../core/view/flame';
import { isVirtual, minFramePx, tileFlame, type Tile, type Tiling } from './flame-tiles';

function node(name: string, value: number, children: FlameNode[] = [], fade = false): FlameNode {
  const n: FlameNode = { name, fn: name, value, self: value - children.reduce((s, c) => s + c.value, 0), cum: value, children };
  if (fade) n.fade = true;
  return n;
}

/** A tree `depth` rows deep where every frame has `fan` children sharing 90% of its value. */
function bushy(depth: number, fan: number, value = 1_000_000, name = 'f'): FlameNode {
  if (depth === 0) return node(name, value);
  const kids = Array.from({ length: fan }, (_, i) => bushy(depth - 1, fan, (value * 0.9) / fan, `${name}.${i}`));
  return node(name, value, kids);
}

interface Placed {
  name: string;
  row: number;
  x: number;
  w: number;
}

/** What d3-flame-graph draws for a tile (partition of the tile's tree, frames wider than minPx), in page px. */
function drawTile(t: Tiling, tile: Tile): Placed[] {
  const root = hierarchy(tile.root, (n) => t.childrenIn(tile, n)).sum((n) => {
    const kids = t.childrenIn(tile, n) ?? [];
    return n.value - kids.reduce((s, c) => s + c.value, 0);
  });
  return partition<FlameNode>()(root)
    .descendants()
    .filter((d) => (d.x1 - d.x0) * tile.width > t.minPx && !isVirtual(d.data))
    .map((d) => ({ name: d.data.name, row: tile.top + d.depth, x: tile.x + d.x0 * tile.width, w: (d.x1 - d.x0) * tile.width }));
}

/** The same frames drawn by one chart of the whole tree. */
function drawWhole(root: FlameNode, width: number, minPx: number): Placed[] {
  const h = hierarchy(root, (n) => n.children).sum((n) => n.value - n.children.reduce((s, c) => s + c.value, 0));
  return partition<FlameNode>()(h)
    .descendants()
    .filter((d) => (d.x1 - d.x0) * width > minPx)
    .map((d) => ({ name: d.data.name, row: d.depth, x: d.x0 * width, w: (d.x1 - d.x0) * width }));
}

const key = (p: Placed) => `${p.row}:${p.name}`;

function expectSameDrawing(root: FlameNode, width: number, t: Tiling): void {
  const tiled = t.tiles.flatMap((tile) => drawTile(t, tile));
  const whole = drawWhole(root, width, t.minPx);
  expect(tiled.map(key).sort()).toEqual(whole.map(key).sort());
  const at = new Map(tiled.map((p) => [key(p), p]));
  for (const p of whole) {
    const q = at.get(key(p))!;
    expect(q.x).toBeCloseTo(p.x, 6);
    expect(q.w).toBeCloseTo(p.w, 6);
  }
  expect(t.frames).toBe(whole.length);
}

describe('tileFlame', () => {
  it('draws a small graph as one tile, the root at the top', () => {
    const root = node('root', 100, [node('a', 60, [node('b', 30)]), node('c', 40)]);
    const t = tileFlame(root, 1000, 50);
    expect(t.tiles).toHaveLength(1);
    expect(t.tiles[0]).toMatchObject({ root, top: 0, x: 0, width: 1000, frames: 4 });
    expect(t.maxDepth).toBe(2);
    expectSameDrawing(root, 1000, t);
  });

  it('cuts a large graph into tiles of at most the budget, each frame drawn once at its place', () => {
    const root = bushy(5, 4, 1_000_000); // 1 + 4 + 16 + 64 + 256 + 1024 frames
    const t = tileFlame(root, 2400, 60);
    expect(t.frames).toBe(1 + 4 + 16 + 64 + 256 + 1024);
    expect(t.tiles.length).toBeGreaterThan(20);
    for (const tile of t.tiles) expect(tile.frames).toBeLessThanOrEqual(60 + 2 * 64); // a row's run may carry its gaps
    expectSameDrawing(root, 2400, t);
  });

  it('starts with smaller tiles (the first drawings run cold code)', () => {
    const root = bushy(5, 4, 1_000_000);
    const t = tileFlame(root, 2400, 60, Infinity, 20);
    expect(t.tiles[0].frames).toBe(1 + 4); // + 16 would be over 20
    expect(t.tiles[1].frames).toBeLessThanOrEqual(40 + 2 * 64);
    expect(Math.max(...t.tiles.slice(2).map((x) => x.frames))).toBeGreaterThan(40);
    expectSameDrawing(root, 2400, t);
  });

  it('keeps within the budget when one row alone is over it, by runs of that row', () => {
    const root = node('root', 1000, Array.from({ length: 300 }, (_, i) => node(`c${i}`, 3)));
    const t = tileFlame(root, 3000, 50);
    expect(Math.max(...t.tiles.map((x) => x.frames))).toBeLessThanOrEqual(52);
    expectSameDrawing(root, 3000, t);
  });

  it('keeps the zoom path and the zoomed frame in the first tile (faded frames are sized by their children)', () => {
    const zoomed = bushy(4, 4, 500, 'z');
    const root = node('root', 500, [node('p', 500, [zoomed], true)], true);
    const t = tileFlame(root, 1000, 5);
    expect(t.tiles[0].end).toBeGreaterThanOrEqual(3);
    expect(t.childrenIn(t.tiles[0], root.children[0])).toEqual([zoomed]);
    expect(t.pathTo(zoomed.children[1].children[2])).toEqual(['p', 'z', 'z.1', 'z.1.2']);
  });

  it('names the zoom path of a frame from the root down, whatever tile draws it', () => {
    const root = bushy(4, 3);
    const t = tileFlame(root, 1000, 10);
    const deep = root.children[2].children[0].children[1];
    expect(t.pathTo(deep)).toEqual(['f.2', 'f.2.0', 'f.2.0.1']);
    expect(t.pathTo(root)).toEqual([]);
  });

  it('draws the widest frames only when there are more than maxFrames', () => {
    const root = bushy(5, 4);
    const all = tileFlame(root, 1200, 60);
    const few = tileFlame(root, 1200, 60, 100);
    expect(few.frames).toBeLessThanOrEqual(100);
    expect(few.frames).toBeLessThan(all.frames);
    expect(few.minPx).toBeGreaterThan(all.minPx);
    expectSameDrawing(root, 1200, few);
  });

  it('draws a zoom into a deep chain of full-width frames (the faded path is not counted against maxFrames)', () => {
    let chain = node('leaf', 100);
    for (let i = 0; i < 599; i++) chain = node('rec', 100, [chain]);
    let root = chain;
    for (let i = 0; i < 10; i++) root = node(i === 9 ? 'root' : 'rec', 100, [root], true);
    const t = tileFlame(root, 1000, 40, 600);
    expect(t.frames).toBe(610);
    expect(t.minPx).toBe(1);
  });

  it('draws nothing for an empty profile', () => {
    const t = tileFlame(node('root', 0), 1000, 50);
    expect(t.tiles).toEqual([]);
    expect(t.frames).toBe(0);
  });
});

describe('minFramePx', () => {
  it('is 1 px (pprof\'s minFrameSize) when the frames fit, else the width of the first frame left out', () => {
    const root = node('root', 100, [node('a', 50), node('b', 30), node('c', 20)]);
    expect(minFramePx(root, 100, 10)).toBe(1);
    expect(minFramePx(root, 100, 2)).toBeCloseTo(30);
    expect(minFramePx(root, 100, 2)).toBeGreaterThan(30); // b (30 px) is left out
  });
});
