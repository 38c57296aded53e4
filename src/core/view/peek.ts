// The Peek view: `-peek=RE` as data, from the report engine's treeData (the
// data printTree prints): each matched function with its callers above and its
// callees below, untrimmed, with pprof's formatted numbers.
import type { Profile } from '../profile/model';
import { ProfileError } from '../profile/errors';
import { treeData, type TreeLink } from '../report/tree';
import type { Report } from '../report/report';
import { percentage } from '../units/measurement';
import type { ViewRequest, ViewResponse } from '../../worker/view-protocol';
import { viewHeader } from './header';
import { viewReport } from './view-report';

export interface PeekEdge {
  /** The caller (in callers) or callee (in callees). */
  name: string;
  inline: boolean;
  weight: number;
  weightLabel: string;
  /** Share of the matched function's cum, as pprof's `calls%`. */
  percent: string;
}

export interface PeekEntry {
  name: string;
  flat: number;
  cum: number;
  flatLabel: string;
  flatPercent: string;
  /** Running sum of flat over the matched functions, as `-peek` prints it. */
  sumPercent: string;
  cumLabel: string;
  cumPercent: string;
  callers: PeekEdge[];
  callees: PeekEdge[];
}

export interface PeekData {
  /** The regexp the functions were matched with ('' = every function). */
  symbol: string;
  entries: PeekEntry[];
  total: number;
  totalLabel: string;
}

function edge(rpt: Report, l: TreeLink, cum: number): PeekEdge {
  return {
    name: l.name,
    inline: l.inline,
    weight: l.weight,
    weightLabel: rpt.formatValue(l.weight),
    percent: percentage(l.weight, cum).trim(),
  };
}

/**
 * A symbol that matches nothing is not an error here (pprof exits with
 * "no matches found"): the view gets no entries and keeps its header.
 */
export function peekView(p: Profile, req: ViewRequest): ViewResponse<PeekData> {
  const symbol = req.symbol ?? '';
  const { q, rpt } = viewReport(p, 'peek', req.options, symbol);
  let tree;
  try {
    tree = treeData(rpt);
  } catch (e) {
    if (!(e instanceof ProfileError) || e.message !== `no matches found for regexp: ${symbol}`) throw e;
    tree = null;
  }
  const total = rpt.total;
  let flatSum = 0;
  const entries = (tree?.entries ?? []).map((e): PeekEntry => {
    flatSum += e.flat;
    return {
      name: e.name,
      flat: e.flat,
      cum: e.cum,
      flatLabel: rpt.formatValue(e.flat),
      flatPercent: percentage(e.flat, total).trim(),
      sumPercent: percentage(flatSum, total).trim(),
      cumLabel: rpt.formatValue(e.cum),
      cumPercent: percentage(e.cum, total).trim(),
      callers: e.callers.map((l) => edge(rpt, l, e.cum)),
      callees: e.callees.map((l) => edge(rpt, l, e.cum)),
    };
  });
  return {
    header: viewHeader(p, rpt, q, tree?.labels),
    data: { symbol, entries, total, totalLabel: rpt.formatValue(total) },
  };
}
