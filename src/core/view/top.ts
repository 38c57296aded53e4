// The Top table of the web UI: pprof's `-top` rows (report.TextItems) with the
// web defaults (nodecount 500, nodefraction 0.005), so the rows and the legend
// equal `go tool pprof -top -nodecount=500` for the same options.
import type { Profile } from '../profile/model';
import { textItems, type TextItem } from '../report/text';
import { percentage } from '../units/measurement';
import type { ViewRequest, ViewResponse } from '../../worker/view-protocol';
import { viewHeader } from './header';
import { viewReport } from './view-report';

/** pprof's web UI shows the top 500 nodes (webui.go top: cfg.NodeCount = 500). */
export const TOP_NODE_COUNT = 500;

export interface TopRow {
  /** The node's name as pprof prints it, without the inline mark: what selection and REFINE use. */
  name: string;
  inline: TextItem['inlineLabel'];
  flat: number;
  cum: number;
  /** Running signed sum of flat in pprof's order (so it can go down with negative values). */
  sum: number;
  /** pprof's strings: "30ms", "35.12%" (percentages are unsigned, as pprof prints them). */
  flatLabel: string;
  flatPercent: string;
  sumPercent: string;
  cumLabel: string;
  cumPercent: string;
}

export interface TopData {
  rows: TopRow[];
  /** The report total (sum of |value|) and how pprof prints it. */
  total: number;
  totalLabel: string;
  /** The output unit the labels use, e.g. "ms", "MB". */
  unit: string;
}

/** The name column as `-top` prints it: `name (inline)`. */
export function topRowLabel(r: Pick<TopRow, 'name' | 'inline'>): string {
  return r.inline !== '' ? `${r.name} ${r.inline}` : r.name;
}

export function topView(p: Profile, req: ViewRequest): ViewResponse<TopData> {
  const o = { ...req.options, nodeCount: req.options.nodeCount ?? TOP_NODE_COUNT };
  const { q, rpt } = viewReport(p, 'top', o);
  const { items, labels } = textItems(rpt);
  const total = rpt.total;
  let sum = 0;
  const rows = items.map((it): TopRow => {
    sum += it.flat;
    return {
      name: it.name,
      inline: it.inlineLabel,
      flat: it.flat,
      cum: it.cum,
      sum,
      flatLabel: it.flatFormat,
      flatPercent: percentage(it.flat, total).trim(),
      sumPercent: percentage(sum, total).trim(),
      cumLabel: it.cumFormat,
      cumPercent: percentage(it.cum, total).trim(),
    };
  });
  return {
    header: viewHeader(p, rpt, q, labels),
    data: { rows, total, totalLabel: rpt.formatValue(total), unit: rpt.o.outputUnit },
  };
}
