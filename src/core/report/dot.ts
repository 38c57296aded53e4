// -dot: graph.ComposeDot (pprof's dotgraph.go) over the trimmed graph: legend,
// nodes with pprof's colors and font sizes, tag nodelets, and edges.
import { basePath } from '../graph/paths';
import { nameComponents } from '../graph/node-info';
import { shortenFunctionName } from '../graph/shorten';
import { nodeName, sortEdges, sortTags } from '../graph/sort';
import { MAX_NODELETS } from '../graph/trim';
import { cumValue, edgeValue, flatValue, type Graph, type GraphEdge, type GraphNode, type Tag } from '../graph/types';
import { label as unitLabel, percentage, scale } from '../units/measurement';
import { reportLabels } from './labels';
import type { Report } from './report';

export function escapeForDot(s: string): string {
  return s.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\l');
}

/** dotColor: grey near 0, red for positive and green for negative scores. */
export function dotColor(score: number, isBackground: boolean): string {
  const shift = 0.7;
  let saturation = isBackground ? 0.1 : 1.0;
  const value = isBackground ? 0.93 : 0.7;
  score = Math.max(-1.0, Math.min(1.0, score));
  if (Math.abs(score) < 0.2) saturation *= Math.abs(score) / 0.2;
  if (score > 0.0) score = Math.pow(score, 1.0 - shift);
  if (score < 0.0) score = -Math.pow(-score, 1.0 - shift);
  let r: number;
  let g: number;
  if (score < 0.0) {
    g = value;
    r = value * (1 + saturation * score);
  } else {
    r = value;
    g = value * (1 - saturation * score);
  }
  const b = value * (1 - saturation);
  const hex = (x: number) => (Math.trunc(x * 255.0) & 0xff).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

function multilinePrintableName(n: GraphNode): string {
  let name = escapeForDot(shortenFunctionName(n.info.name));
  name = name.replaceAll('::', '\\n');
  name = name.replaceAll('[...]', '[…]');
  name = name.replaceAll('.', '\\n');
  const file = n.info.file !== '' ? basePath(n.info.file) : '';
  return nameComponents({ ...n.info, name, file }).join('\\n') + '\\n';
}

class DotBuilder {
  out: string[] = [];
  constructor(
    private rpt: Report,
    private total: number,
  ) {}

  fmt(v: number): string {
    return this.rpt.formatValue(v);
  }

  legend(labels: string[], title: string): void {
    if (labels.length === 0) return;
    let s = `subgraph cluster_L { "${escapeForDot(labels[0])}" [shape=box fontsize=16`;
    s += ` label="${labels.map(escapeForDot).join('\\l')}\\l"`;
    if (title !== '') s += ` tooltip="${title}"`;
    this.out.push(s + '] }\n');
  }

  node(n: GraphNode, id: number, maxFlat: number): void {
    const flat = flatValue(n);
    const cum = cumValue(n);
    let label = multilinePrintableName(n);
    const flatStr = this.fmt(flat);
    if (flat !== 0) label += `${flatStr} (${percentage(flat, this.total).trim()})`;
    else label += '0';
    let cumStr = flatStr;
    if (cum !== flat) {
      label += flat !== 0 ? '\\n' : ' ';
      cumStr = this.fmt(cum);
      label += `of ${cumStr} (${percentage(cum, this.total).trim()})`;
    }
    let fontSize = 8;
    if (maxFlat !== 0 && flat !== 0 && Math.abs(flat) <= maxFlat) {
      fontSize += Math.ceil(16.0 * Math.sqrt(Math.abs(flat) / maxFlat));
    }
    const score = cum / Math.abs(this.total);
    this.out.push(
      `N${id} [label="${label}" id="node${id}" fontsize=${fontSize} shape=box tooltip="${escapeForDot(nodeName(n))} (${cumStr})" color="${dotColor(score, false)}" fillcolor="${dotColor(score, true)}"]\n`,
    );
  }

  nodelets(n: GraphNode, id: number): boolean {
    let s = '';
    let ts: Tag[] = [...n.labelTags.values()];
    const lnts = new Map<string, Tag[]>();
    for (const [l, tm] of n.numericTags) {
      for (const t of tm.values()) {
        let a = lnts.get(l);
        if (!a) lnts.set(l, (a = []));
        a.push(t);
      }
    }
    const flatTags = n.out.size > 0;
    sortTags(ts, flatTags);
    if (ts.length > MAX_NODELETS) ts = ts.slice(0, MAX_NODELETS);
    ts.forEach((t, i) => {
      const w = flatTags ? flatValue(t) : cumValue(t);
      if (w === 0) return;
      const weight = this.fmt(w);
      s += `N${id}_${i} [label = "${t.name}" id="N${id}_${i}" fontsize=8 shape=box3d tooltip="${weight}"]\n`;
      s += `N${id} -> N${id}_${i} [label=" ${weight}" weight=100 tooltip="${weight}" labeltooltip="${weight}"]\n`;
      const nts = lnts.get(t.name);
      if (nts) s += this.numericNodelets(nts, flatTags, `N${id}_${i}`);
    });
    const nts = lnts.get('');
    if (nts) s += this.numericNodelets(nts, flatTags, `N${id}`);
    this.out.push(s);
    return s !== '';
  }

  numericNodelets(nts: Tag[], flatTags: boolean, source: string): string {
    let s = '';
    collapsedTags(nts, MAX_NODELETS, flatTags).forEach((t, j) => {
      let w = cumValue(t);
      let attr = ' style="dotted"';
      if (flatTags || flatValue(t) === cumValue(t)) {
        w = flatValue(t);
        attr = '';
      }
      if (w !== 0) {
        const weight = this.fmt(w);
        s += `N${source}_${j} [label = "${t.name}" id="N${source}_${j}" fontsize=8 shape=box3d tooltip="${weight}"]\n`;
        s += `${source} -> N${source}_${j} [label=" ${weight}" weight=100 tooltip="${weight}" labeltooltip="${weight}"${attr}]\n`;
      }
    });
    return s;
  }

  edge(e: GraphEdge, from: number, to: number, hasNodelets: boolean): void {
    const inline = e.inline ? '\\n (inline)' : '';
    const ev = edgeValue(e);
    const w = this.fmt(ev);
    let attr = `label=" ${w}${inline}"`;
    if (this.total !== 0) {
      const weight = 1 + Math.min(Math.abs(Math.trunc((ev * 100) / this.total)), 100);
      if (weight > 1) attr += ` weight=${weight}`;
      const width = 1 + Math.min(Math.abs(Math.trunc((ev * 5) / this.total)), 5);
      if (width > 1) attr += ` penwidth=${width}`;
      attr += ` color="${dotColor(ev / Math.abs(this.total), false)}"`;
    }
    const arrow = e.residual ? '...' : '->';
    const tooltip = `"${escapeForDot(nodeName(e.src))} ${arrow} ${escapeForDot(nodeName(e.dest))} (${w})"`;
    attr += ` tooltip=${tooltip} labeltooltip=${tooltip}`;
    if (e.residual) attr += ' style="dotted"';
    if (hasNodelets) attr += ' minlen=2';
    this.out.push(`N${from} -> N${to} [${attr}]\n`);
  }
}

// Groups numeric tags into at most count buckets (1MB..2MB), by distance.
function collapsedTags(ts: Tag[], count: number, flatTags: boolean): Tag[] {
  ts = sortTags([...ts], flatTags);
  if (ts.length <= count) return ts;
  const groups: Tag[][] = ts.slice(0, count).map((t) => [t]);
  for (const t of ts.slice(count)) {
    let g = 0;
    let d = tagDistance(t, groups[0][0]);
    for (let i = 1; i < count; i++) {
      const nd = tagDistance(t, groups[i][0]);
      if (nd < d) {
        g = i;
        d = nd;
      }
    }
    groups[g].push(t);
  }
  const nts = groups.map((g): Tag => {
    const [name, flat, cum] = tagGroupLabel(g);
    return { name, unit: '', value: 0, flat, flatDiv: 0, cum, cumDiv: 0 };
  });
  return sortTags(nts, flatTags);
}

function tagDistance(t: Tag, u: Tag): number {
  const v = scale(u.value, u.unit, t.unit)[0];
  return v < t.value ? t.value - v : v - t.value;
}

function tagGroupLabel(g: Tag[]): [string, number, number] {
  if (g.length === 1) {
    const t = g[0];
    return [unitLabel(t.value, t.unit), flatValue(t), cumValue(t)];
  }
  let min = g[0];
  let max = g[0];
  let df = min.flatDiv;
  let f = min.flat;
  let dc = min.cumDiv;
  let c = min.cum;
  for (const t of g.slice(1)) {
    if (Math.trunc(scale(t.value, t.unit, min.unit)[0]) < min.value) min = t;
    if (Math.trunc(scale(t.value, t.unit, max.unit)[0]) > max.value) max = t;
    f += t.flat;
    df += t.flatDiv;
    c += t.cum;
    dc += t.cumDiv;
  }
  if (df !== 0) f = Math.trunc(f / df);
  if (dc !== 0) c = Math.trunc(c / dc);
  return [unitLabel(min.value, min.unit) + '..' + unitLabel(max.value, max.unit), f, c];
}

export function composeDot(rpt: Report, g: Graph, labels: string[]): string {
  const b = new DotBuilder(rpt, rpt.total);
  const title = rpt.o.title;
  b.out.push(`digraph "${title !== '' ? title : 'unnamed'}" {\n`);
  b.out.push('node [style=filled fillcolor="#f8f8f8"]\n');
  b.legend(labels, title);
  if (g.nodes.length > 0) {
    const ids = new Map<GraphNode, number>();
    const hasNodelets = new Map<GraphNode, boolean>();
    let maxFlat = Math.abs(flatValue(g.nodes[0]));
    g.nodes.forEach((n, i) => {
      ids.set(n, i + 1);
      maxFlat = Math.max(maxFlat, Math.abs(flatValue(n)));
    });
    const edges: GraphEdge[] = [];
    for (const n of g.nodes) {
      b.node(n, ids.get(n)!, maxFlat);
      hasNodelets.set(n, b.nodelets(n, ids.get(n)!));
      edges.push(...n.out.values());
    }
    for (const e of sortEdges(edges)) {
      b.edge(e, ids.get(e.src) ?? 0, ids.get(e.dest) ?? 0, hasNodelets.get(e.src) ?? false);
    }
  }
  b.out.push('}\n');
  return b.out.join('');
}

export function printDot(rpt: Report): string {
  const { graph: g, origCount, droppedNodes, droppedEdges } = rpt.newTrimmedGraph();
  rpt.selectOutputUnit(g);
  const labels = reportLabels(rpt, g, origCount, droppedNodes, droppedEdges, true);
  return composeDot(rpt, g, labels);
}
