// -tree and -peek=RE: report.printTree, each node with its callers above and
// callees below. treeData is what the Peek view shows; printTree renders it
// as pprof's text.
import { ProfileError } from '../profile/errors';
import { nodeName, sortEdges } from '../graph/sort';
import { cumValue, flatValue } from '../graph/types';
import { padLeft } from '../units/go-format';
import { percentage } from '../units/measurement';
import { reportLabels } from './labels';
import type { Report } from './report';

const SEPARATOR = '----------------------------------------------------------+-------------';
const LEGEND = '      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ';

export interface TreeLink {
  name: string; // the caller (in callers) or the callee (in callees)
  weight: number;
  inline: boolean;
}

export interface TreeEntry {
  name: string;
  flat: number;
  cum: number;
  callers: TreeLink[]; // heaviest first
  callees: TreeLink[];
}

export interface TreeData {
  labels: string[]; // header and legend lines
  entries: TreeEntry[]; // in report order; only the matches with a peek regexp
  hasNodes: boolean; // the graph had nodes (pprof then closes the table)
}

/** The data of -tree, or of -peek when the report has a symbol regexp. */
export function treeData(rpt: Report): TreeData {
  const { graph: g, origCount, droppedNodes } = rpt.newTrimmedGraph();
  rpt.selectOutputUnit(g);
  const labels = reportLabels(rpt, g, origCount, droppedNodes, 0, false);
  const rx = rpt.o.symbol;
  const entries: TreeEntry[] = [];
  for (const n of g.nodes) {
    const name = nodeName(n);
    if (rx !== null) {
      rx.lastIndex = 0;
      if (!rx.test(name)) continue;
    }
    entries.push({
      name,
      flat: flatValue(n),
      cum: cumValue(n),
      callers: sortEdges(n.in.values()).map((e) => ({ name: nodeName(e.src), weight: e.weight, inline: e.inline })),
      callees: sortEdges(n.out.values()).map((e) => ({ name: nodeName(e.dest), weight: e.weight, inline: e.inline })),
    });
  }
  if (rx !== null && entries.length === 0) throw new ProfileError(`no matches found for regexp: ${rpt.o.symbolSource}`);
  return { labels, entries, hasNodes: g.nodes.length > 0 };
}

export function printTree(rpt: Report): string {
  const d = treeData(rpt);
  const out: string[] = [d.labels.join('\n') + '\n', SEPARATOR + '\n', LEGEND + '\n'];
  const link = (l: TreeLink, cum: number) =>
    `${padLeft(rpt.formatValue(l.weight), 50)} ${percentage(l.weight, cum)} |   ${l.name}${l.inline ? ' (inline)' : ''}\n`;
  let flatSum = 0;
  for (const e of d.entries) {
    out.push(SEPARATOR + '\n');
    for (const l of e.callers) out.push(link(l, e.cum));
    flatSum += e.flat;
    out.push(
      `${padLeft(rpt.formatValue(e.flat), 10)} ${percentage(e.flat, rpt.total)} ${percentage(flatSum, rpt.total)} ${padLeft(rpt.formatValue(e.cum), 10)} ${percentage(e.cum, rpt.total)}                | ${e.name}\n`,
    );
    for (const l of e.callees) out.push(link(l, e.cum));
  }
  if (d.hasNodes) out.push(SEPARATOR + '\n');
  return out.join('');
}
