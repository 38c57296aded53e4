// The flame graph drawn by d3-flame-graph one tile per animation frame (see
// flame-tiles.ts), so no main-thread task draws more than a tile's frames:
// each tile is a d3-flame-graph chart in a nested <svg>, placed at its x and
// row inside one outer <svg> (the one DOWNLOAD exports). A new drawing cancels
// the tiles of the last one still waiting. The search highlight and the
// selection only recolour or re-mark the frames already drawn (tiles still
// to come are drawn with the current ones).
import { select, type Selection } from 'd3';
import flamegraph, { type FlameHierarchyNode, type FlameTooltip } from 'd3-flame-graph';
import { DEFAULT_MAX_FRAMES, type FlameNode } from '../../core/view/flame';
import { isVirtual, tileFlame, type Tile, type Tiling } from './flame-tiles';
import { FrameQueue } from './frame-queue';

type HNode = FlameHierarchyNode<FlameNode>;

/** Frames per tile: one tile's script, style, layout and paint stay well under 50 ms (60 took 40-50 ms under load). */
export const TILE_FRAMES = 40;
/**
 * The first tile's frames, then that many more per tile up to TILE_FRAMES:
 * the first drawings after a page load run d3's code before V8 has compiled
 * it (a first tile of 60 frames took 35 ms of script, later ones 10-15).
 */
export const FIRST_TILE_FRAMES = 20;
/**
 * Frames drawn at most, as many as the engine sends: each animation frame that
 * changes the drawing costs paint and layerization in proportion to all frames
 * on the page (about 20-40 us each here), so thousands of them would make every
 * tile, hover and highlight a long task. A zoom shows the narrower ones.
 */
export const MAX_FRAMES = DEFAULT_MAX_FRAMES;

export interface FlameChartHooks {
  cellHeight: number;
  tooltip: FlameTooltip<FlameNode>;
  /** The frame's label (d3-flame-graph's getName). */
  label(n: FlameNode): string;
  /** The frame's accessible name. */
  accessibleName(n: FlameNode): string;
  /** Whether the search matches the frame. */
  matches(n: FlameNode): boolean;
  /** Whether the frame is selected (REFINE's subject). */
  selected(n: FlameNode): boolean;
  /** The fill of an unmatched frame, from d3-flame-graph's own colour. */
  fill(n: FlameNode, original: string): string;
  highlightFill: string;
  onClick(n: FlameNode, path: string[]): void;
  /** Called when every tile of a drawing is on screen. */
  onDrawn(): void;
}

// d3-flame-graph's own colour of each frame (a hash of its name), kept to recolour without redrawing.
const originalFill = new WeakMap<HNode, string>();

interface DrawnTile {
  tile: Tile;
  g: SVGGElement;
}

export class TiledFlameChart {
  private drawn: DrawnTile[] = [];
  private readonly queue = new FrameQueue();
  private layer: SVGGElement | null = null;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly hooks: FlameChartHooks,
  ) {}

  /** Draws `root` `width` px wide, a tile per animation frame; the old drawing goes when the first tile comes. */
  draw(root: FlameNode, width: number): Tiling {
    const steps: (() => void)[] = [];
    const tiling = tileFlame(root, width, TILE_FRAMES, MAX_FRAMES, FIRST_TILE_FRAMES);
    const c = this.hooks.cellHeight;
    const layer = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const tiles: DrawnTile[] = [];
    tiling.tiles.forEach((tile, i) => {
      steps.push(() => {
        if (i === 0) {
          this.clear();
          this.layer = layer;
          this.drawn = tiles;
          this.svg.setAttribute('width', String(width));
          this.svg.setAttribute('height', String((tiling.maxDepth + 3) * c));
          this.svg.appendChild(layer);
        }
        tiles.push(this.drawTile(tiling, tile, layer));
      });
    });
    if (tiling.tiles.length === 0) steps.push(() => this.clear());
    steps.push(() => this.hooks.onDrawn());
    this.queue.replace(steps);
    return tiling;
  }

  /**
   * Recolours the drawn frames for a new search, all at once: a few attributes
   * per frame, while every animation frame that changes the drawing costs
   * paint for all frames, so one is cheaper than one per tile.
   */
  highlight(): void {
    for (const t of this.drawn) this.mark(t, true);
  }

  /** Marks the selected frames (aria-pressed): cheap, at once. */
  markSelection(): void {
    for (const t of this.drawn) this.frames(t).attr('aria-pressed', (d) => (!isVirtual(d.data) && this.hooks.selected(d.data) ? 'true' : null));
  }

  /** Draws the tiles still waiting, at once (before DOWNLOAD copies the drawing). */
  finish(): void {
    this.queue.finish();
  }

  destroy(): void {
    this.queue.cancel();
    this.clear();
  }

  private clear(): void {
    // One removal of the layer takes every tile with it: d3-flame-graph's
    // destroy would remove each tile's svg and hide the tooltip once per tile
    // (a React state update each), in the task that draws the first new tile.
    if (this.drawn.length > 0) this.hooks.tooltip.hide();
    this.layer?.remove();
    this.layer = null;
    this.drawn = [];
  }

  private drawTile(tiling: Tiling, tile: Tile, layer: SVGGElement): DrawnTile {
    const h = this.hooks;
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    g.setAttribute('class', 'flame-tile');
    g.setAttribute('transform', `translate(${tile.x},${tile.top * h.cellHeight})`);
    layer.appendChild(g);
    const chart = flamegraph<FlameNode>()
      .width(tile.width)
      .cellHeight(h.cellHeight)
      .inverted(true)
      .transitionDuration(0) // each tile is drawn once; zooming asks the engine for a new tree
      .minFrameSize(tiling.minPx)
      .sort(false) // the engine sends children sorted by name
      .getChildren((n) => tiling.childrenIn(tile, n))
      .getName((d) => (isVirtual(d.data) ? '' : h.label(d.data)))
      .tooltip(h.tooltip)
      .setDetailsHandler(() => {})
      .setSearchHandler(() => {})
      .setSearchMatch((d) => !isVirtual(d.data) && h.matches(d.data))
      .setColorMapper((d, original) => {
        originalFill.set(d, original);
        d.highlight = !isVirtual(d.data) && h.matches(d.data);
        return d.highlight ? h.highlightFill : h.fill(d.data, original);
      });
    // (typed for an HTMLElement; d3-flame-graph only appends an <svg> to it)
    chart(select(g).datum(tile.root) as unknown as Selection<HTMLElement, FlameNode, null, undefined>);
    const t = { tile, g };
    this.frames(t)
      .each(function (d) {
        // d3-flame-graph sets a frame's width and label in zero-length
        // transitions, i.e. at the next animation frame, which would restyle
        // and lay out the tile twice: set them now and cancel those.
        const w = (d.x1 - d.x0) * tile.width;
        const rect = select(this).select('rect').interrupt();
        rect.attr('width', w);
        const label = select(this).select<HTMLDivElement>('foreignObject > div').interrupt();
        label.text(isVirtual(d.data) ? '' : h.label(d.data));
        if (isVirtual(d.data)) {
          this.setAttribute('data-virtual', '');
          this.setAttribute('aria-hidden', 'true');
        } else {
          this.setAttribute('role', 'button');
          this.setAttribute('aria-label', h.accessibleName(d.data));
        }
      })
      // Instead of d3-flame-graph's own zoom, which would zoom this tile only.
      .on('click', (_ev: MouseEvent, d) => {
        if (!isVirtual(d.data)) h.onClick(d.data, tiling.pathTo(d.data));
      });
    this.mark(t, false);
    return t;
  }

  /** aria-pressed and data-match, and the fill when the search changed. */
  private mark(t: DrawnTile, recolour: boolean): void {
    const h = this.hooks;
    const frames = this.frames(t).filter((d) => !isVirtual(d.data));
    if (recolour) {
      frames.select('rect').attr('fill', (d) => {
        d.highlight = h.matches(d.data);
        return d.highlight ? h.highlightFill : h.fill(d.data, originalFill.get(d) ?? '');
      });
    }
    frames
      .attr('aria-pressed', (d) => (h.selected(d.data) ? 'true' : null))
      .attr('data-match', (d) => (d.highlight ? 'true' : null));
  }

  private frames(t: DrawnTile): Selection<SVGGElement, HNode, SVGGElement, unknown> {
    return select(t.g).selectAll<SVGGElement, HNode>('g.frame');
  }
}
