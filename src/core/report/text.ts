// -top / -text: report.TextItems (the data) and printText (pprof's layout).
import { nodeName } from '../graph/sort';
import { cumValue, flatValue, type GraphNode } from '../graph/types';
import { padLeft } from '../units/go-format';
import { percentage } from '../units/measurement';
import { reportLabels } from './labels';
import type { Report } from './report';

export interface TextItem {
  name: string;
  inlineLabel: '' | '(inline)' | '(partial-inline)';
  flat: number;
  cum: number;
  flatFormat: string;
  cumFormat: string;
}

/** "(inline)" when every call into the node was inlined, "(partial-inline)" when some were. */
export function inlineLabel(n: GraphNode): TextItem['inlineLabel'] {
  let inline = false;
  let noinline = false;
  for (const e of n.in.values()) {
    if (e.inline) inline = true;
    else noinline = true;
  }
  if (!inline) return '';
  return noinline ? '(partial-inline)' : '(inline)';
}

export function textItems(rpt: Report): { items: TextItem[]; labels: string[] } {
  const { graph: g, origCount, droppedNodes } = rpt.newTrimmedGraph('inline'); // only the (inline) marks read edges
  rpt.selectOutputUnit(g);
  const labels = reportLabels(rpt, g, origCount, droppedNodes, 0, false);
  const items = g.nodes.map((n): TextItem => {
    const flat = flatValue(n);
    const cum = cumValue(n);
    return {
      name: nodeName(n),
      inlineLabel: inlineLabel(n),
      flat,
      cum,
      flatFormat: rpt.formatValue(flat),
      cumFormat: rpt.formatValue(cum),
    };
  });
  return { items, labels };
}

export function printText(rpt: Report): string {
  const { items, labels } = textItems(rpt);
  const out: string[] = [labels.join('\n') + '\n'];
  out.push(`${padLeft('flat', 10)} ${padLeft('flat', 5)}% ${padLeft('sum', 5)}% ${padLeft('cum', 10)} ${padLeft('cum', 5)}%\n`);
  let flatSum = 0;
  for (const it of items) {
    const inl = it.inlineLabel !== '' ? ' ' + it.inlineLabel : '';
    flatSum += it.flat;
    out.push(
      `${padLeft(it.flatFormat, 10)} ${percentage(it.flat, rpt.total)} ${percentage(flatSum, rpt.total)} ${padLeft(it.cumFormat, 10)} ${percentage(it.cum, rpt.total)}  ${it.name}${inl}\n`,
    );
  }
  return out.join('');
}
