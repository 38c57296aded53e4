// The title every web view shows, as pprof's web UI does: the header lines of
// the text reports (File, Type, Time, Duration), the legend (Showing nodes...,
// Dropped..., Active filters:), pprof's stderr warnings and the sample types.
import type { Profile } from '../profile/model';
import type { QueryResult } from '../query/index';
import { profileLabels, reportLabels } from '../report/labels';
import type { Report } from '../report/report';
import type { ViewHeader } from '../../worker/view-protocol';

/**
 * viewHeader builds the ViewHeader of a view computed with `rpt` from the
 * query `q` of profile `p` (the unfiltered profile: its sample types are the
 * SAMPLE menu).
 *
 * `labels`: the full label list the view already has (reportLabels' result,
 * e.g. textItems(rpt).labels); pass it to avoid building the graph twice and
 * to get the legend of the view's own trimming. Without it the legend is
 * computed here from rpt.newTrimmedGraph('none'). Call this after the view picked
 * its output unit (textItems etc. do), so Duration's total uses the same unit.
 */
export function viewHeader(p: Profile, rpt: Report, q: QueryResult, labels?: string[]): ViewHeader {
  if (!labels) {
    // The legend reads no edge (droppedEdges is 0 here): build none.
    const { graph, origCount, droppedNodes } = rpt.newTrimmedGraph('none');
    rpt.selectOutputUnit(graph);
    labels = reportLabels(rpt, graph, origCount, droppedNodes, 0, false);
  }
  const lines = profileLabels(rpt);
  // reportLabels starts with profileLabels: the rest is the legend.
  const same = lines.every((l, i) => labels[i] === l);
  const legend = (same ? labels.slice(lines.length) : labels.filter((l) => !lines.includes(l))).filter(
    (l) => !l.startsWith('\nSee '),
  );
  return {
    lines,
    legend,
    warnings: [...q.warnings],
    sampleTypes: p.sampleTypes.map((t) => ({ type: p.strings[t.type] ?? '', unit: p.strings[t.unit] ?? '' })),
    sampleIndex: q.sampleIndex,
  };
}
