// Types for d3-flame-graph 5.0.0, which ships none: the part of its API the
// Flame Graph view uses (read from node_modules/d3-flame-graph/dist/d3-flamegraph.es.js).
declare module 'd3-flame-graph' {
  import type { HierarchyRectangularNode } from 'd3';
  import type { Selection } from 'd3';

  /** A node of the drawn hierarchy: d3's partition node plus the chart's own flags. */
  export type FlameHierarchyNode<T> = HierarchyRectangularNode<T> & {
    id: number;
    highlight?: boolean;
    delta?: number;
    originalValue?: number;
  };

  /** A tooltip the chart calls on hover; it must render text only. */
  export interface FlameTooltip<T> {
    (svg: Selection<SVGSVGElement, unknown, null, undefined>): void;
    show(event: MouseEvent, d: FlameHierarchyNode<T>): unknown;
    hide(): unknown;
    destroy?(): void;
  }

  export interface FlameGraph<T> {
    (selection: Selection<HTMLElement, T, null, undefined>): void;
    width(): number;
    width(w: number): FlameGraph<T>;
    height(): number | null;
    height(h: number | null): FlameGraph<T>;
    minHeight(h: number): FlameGraph<T>;
    cellHeight(h: number): FlameGraph<T>;
    tooltip(t: FlameTooltip<T>): FlameGraph<T>;
    title(t: string): FlameGraph<T>;
    transitionDuration(ms: number): FlameGraph<T>;
    sort(s: boolean | ((a: FlameHierarchyNode<T>, b: FlameHierarchyNode<T>) => number)): FlameGraph<T>;
    inverted(b: boolean): FlameGraph<T>;
    computeDelta(b: boolean): FlameGraph<T>;
    setLabelHandler(f: (d: FlameHierarchyNode<T>) => string): FlameGraph<T>;
    search(term: string): void;
    clear(): void;
    zoomTo(d: FlameHierarchyNode<T>): void;
    resetZoom(): void;
    onClick(f: (d: FlameHierarchyNode<T>) => void): FlameGraph<T>;
    onHover(f: (d: FlameHierarchyNode<T>) => void): FlameGraph<T>;
    update(data?: T): FlameGraph<T>;
    destroy(): FlameGraph<T>;
    setColorMapper(f?: (d: FlameHierarchyNode<T>, originalColor: string) => string): FlameGraph<T>;
    setColorHue(hue?: string): FlameGraph<T>;
    minFrameSize(px: number): FlameGraph<T>;
    setDetailsElement(el: HTMLElement | null): FlameGraph<T>;
    selfValue(b: boolean): FlameGraph<T>;
    resetHeightOnZoom(b: boolean): FlameGraph<T>;
    scrollOnZoom(b: boolean): FlameGraph<T>;
    getName(f: (d: FlameHierarchyNode<T>) => string): FlameGraph<T>;
    getValue(f: (d: T) => number): FlameGraph<T>;
    getChildren(f: (d: T) => T[] | undefined): FlameGraph<T>;
    getDelta(f: (d: FlameHierarchyNode<T>) => number): FlameGraph<T>;
    setSearchHandler(f: (results: FlameHierarchyNode<T>[], sum: number, total: number) => void): FlameGraph<T>;
    setDetailsHandler(f: (text: string | null) => void): FlameGraph<T>;
    setSearchMatch(f: (d: FlameHierarchyNode<T>, term: string, ignoreCase?: boolean) => boolean): FlameGraph<T>;
  }

  export default function flamegraph<T = unknown>(): FlameGraph<T>;
}
