// -call_tree: graph.newTree and Graph.TrimTree. Each node is one calling
// context (a path from the root), so a function appears once per distinct
// caller path; used by -dot only, as in pprof.
import type { Profile } from '../profile/model';
import { addTags, type BuildOptions, type NodeTags } from './build';
import type { FrameTable } from './frames';
import { collectSampleTags } from './tags';
import { blankNode, type Graph, type GraphNode } from './types';


export function buildTree(p: Profile, ft: FrameTable, o: BuildOptions): Graph {
  const S = p.samples;
  const nInfos = ft.infos.length;
  const children = new Map<number, number>(); // parent tree node * nInfos + info -> tree node
  const nodes: GraphNode[] = [];
  const tagAcc = o.tags ? new Map<number, NodeTags>() : null;
  const child = (parent: number, info: number): GraphNode => {
    const key = (parent + 1) * nInfos + info;
    let id = children.get(key);
    if (id === undefined) {
      id = nodes.length;
      children.set(key, id);
      nodes.push(blankNode(id, ft.infos[info]));
    }
    return nodes[id];
  };
  for (let s = 0; s < S.count; s++) {
    const w = o.values[s];
    const dw = o.meanDiv ? o.meanDiv[s] : 0;
    if (w === 0 && dw === 0) continue;
    const st = o.tags ? collectSampleTags(p, s, o.tags) : null;
    let parent: GraphNode | null = null;
    for (let i = S.stackStart[s + 1] - 1; i >= S.stackStart[s]; i--) {
      const loc = S.stackLocs[i];
      const last = ft.locStart[loc + 1] - 1;
      for (let k = last; k >= ft.locStart[loc]; k--) {
        const info = ft.frames[k];
        if (o.kept && o.kept[info] === 0) continue;
        const n = child(parent ? parent.id : -1, info);
        n.cum += w;
        n.cumDiv += dw;
        if (st && tagAcc) addTags(tagAcc, n.id, st, w, dw, false);
        if (parent) {
          let e = parent.out.get(n);
          if (!e) {
            e = { src: parent, dest: n, weight: 0, weightDiv: 0, residual: false, inline: k !== last };
            parent.out.set(n, e);
            n.in.set(parent, e);
          } else if (k === last) {
            e.inline = false;
          }
          e.weight += w;
          e.weightDiv += dw;
        }
        parent = n;
      }
    }
    if (parent) {
      parent.flat += w;
      parent.flatDiv += dw;
      if (st && tagAcc) addTags(tagAcc, parent.id, st, w, dw, true);
    }
  }
  if (tagAcc) {
    for (const [id, t] of tagAcc) {
      nodes[id].labelTags = t.labelTags;
      nodes[id].numericTags = t.numericTags;
    }
  }
  return {
    nodes: nodes.filter(
      (n) => !(n.cum === 0 && n.flat === 0) && !(o.dropNegative && (n.flat < 0 || (n.flat === 0 && n.cum < 0))),
    ),
  };
}

/** Graph.TrimTree: removes the nodes not kept, reattaching their children to their parent. */
export function trimTree(g: Graph, kept: Set<GraphNode>, removeRedundant: (g: Graph) => void): void {
  const old = g.nodes;
  g.nodes = [];
  for (const cur of old) {
    if (kept.has(cur)) {
      g.nodes.push(cur);
      continue;
    }
    if (cur.in.size === 0) {
      for (const e of cur.out.values()) e.dest.in.delete(cur);
      continue;
    }
    const parent = [...cur.in.values()][0].src;
    const parentEdgeInline = parent.out.get(cur)!.inline;
    parent.out.delete(cur);
    for (const e of cur.out.values()) {
      const c = e.dest;
      c.in.delete(cur);
      c.in.set(parent, e);
      parent.out.set(c, e);
      e.src = parent;
      e.residual = true;
      e.inline = parentEdgeInline && e.inline;
    }
  }
  removeRedundant(g);
}
