// -tree and -peek=RE: report.printTree, each node with its callers above and
// callees below.
import { ProfileError } from '../profile/errors';
import { nodeName, sortEdges } from '../graph/sort';
import { cumValue, flatValue } from '../graph/types';
import { padLeft } from '../units/go-format';
import { percentage } from '../units/measurement';
import { reportLabels } from './labels';
import type { Report } from './report';

const SEPARATOR = '----------------------------------------------------------+-------------';
const LEGEND = '      flat  flat%   sum%        cum   cum%   calls calls% + context \t \t ';

export function printTree(rpt: Report): string {
  const { graph: g, origCount, droppedNodes } = rpt.newTrimmedGraph();
  rpt.selectOutputUnit(g);
  const out: string[] = [];
  out.push(reportLabels(rpt, g, origCount, droppedNodes, 0, false).join('\n') + '\n');
  out.push(SEPARATOR + '\n', LEGEND + '\n');
  let flatSum = 0;
  const rx = rpt.o.symbol;
  let matched = 0;
  for (const n of g.nodes) {
    const name = nodeName(n);
    const flat = flatValue(n);
    const cum = cumValue(n);
    if (rx !== null) {
      rx.lastIndex = 0;
      if (!rx.test(name)) continue;
    }
    matched++;
    out.push(SEPARATOR + '\n');
    for (const e of sortEdges(n.in.values())) {
      const inl = e.inline ? ' (inline)' : '';
      out.push(`${padLeft(rpt.formatValue(e.weight), 50)} ${percentage(e.weight, cum)} |   ${nodeName(e.src)}${inl}\n`);
    }
    flatSum += flat;
    out.push(
      `${padLeft(rpt.formatValue(flat), 10)} ${percentage(flat, rpt.total)} ${percentage(flatSum, rpt.total)} ${padLeft(rpt.formatValue(cum), 10)} ${percentage(cum, rpt.total)}                | ${name}\n`,
    );
    for (const e of sortEdges(n.out.values())) {
      const inl = e.inline ? ' (inline)' : '';
      out.push(`${padLeft(rpt.formatValue(e.weight), 50)} ${percentage(e.weight, cum)} |   ${nodeName(e.dest)}${inl}\n`);
    }
  }
  if (g.nodes.length > 0) out.push(SEPARATOR + '\n');
  if (rx !== null && matched === 0) throw new ProfileError(`no matches found for regexp: ${rpt.o.symbolSource}`);
  return out.join('');
}
