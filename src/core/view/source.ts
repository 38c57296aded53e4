// The Source view: `-list=RE` as data, from the report engine's sourceData
// (the data printSource prints): per matched function and file, the ROUTINE
// total and the flat/cum of each line beside the source text when the user
// gave the page the file (matched by source-match.ts); without the file, the
// lines that carry samples, with their numbers only.
import type { Profile } from '../profile/model';
import { ProfileError } from '../profile/errors';
import type { GraphNode } from '../graph/types';
import { sourceData } from '../report/list';
import { profileLabels } from '../report/labels';
import { percentage } from '../units/measurement';
import type { ViewRequest, ViewResponse } from '../../worker/view-protocol';
import { viewHeader } from './header';
import { viewReport } from './view-report';
import { matchSource } from './source-match';

export interface SourceLine {
  line: number;
  flat: number;
  cum: number;
  /** As `-list` prints them: "." for zero. */
  flatLabel: string;
  cumLabel: string;
  /** The line's text, or null when the source file was not given. */
  text: string | null;
}

export interface SourceRoutine {
  /** The function, as in `ROUTINE ======================== <name> in <file>`. */
  name: string;
  /** The file named in the profile ('' when the function has no source information). */
  file: string;
  flat: number;
  cum: number;
  flatLabel: string;
  cumLabel: string;
  /** cum as a share of the total: "24.59%". */
  percent: string;
  /** The given source file used for the text (its relative path), or null. */
  sourcePath: string | null;
  lines: SourceLine[];
}

export interface SourceData {
  symbol: string;
  total: number;
  totalLabel: string;
  /** In `-list`'s order; a function without file information has file '' and no lines. */
  routines: SourceRoutine[];
  /** How many source files the request carried. */
  sourcesGiven: number;
}

// Without the text, printSource prints no lines: the view still shows the
// lines that carry samples, summed per line as getSourceFromFile does.
function sampledLines(nodes: () => GraphNode[], name: string, file: string): { line: number; flat: number; cum: number }[] {
  const byLine = new Map<number, { line: number; flat: number; cum: number }>();
  for (const n of nodes()) {
    if (n.info.name !== name || n.info.file !== file || n.info.lineno <= 0) continue;
    let l = byLine.get(n.info.lineno);
    if (!l) byLine.set(n.info.lineno, (l = { line: n.info.lineno, flat: 0, cum: 0 }));
    l.flat += n.flat;
    l.cum += n.cum;
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** A symbol that matches nothing gives no routines (pprof: "no matches found"), not an error. */
export function sourceView(p: Profile, req: ViewRequest): ViewResponse<SourceData> {
  const symbol = req.symbol ?? '';
  const { q, rpt } = viewReport(p, 'list', req.options, symbol);
  const matched = new Map<string, string>(); // profile file -> given path
  const openSource = (file: string) => {
    const m = matchSource(file, req.sources, rpt.o.trimPath, rpt.o.sourcePath);
    if (m) matched.set(file, m.path);
    return m;
  };
  let data: ReturnType<typeof sourceData> = [];
  try {
    data = sourceData(rpt, { openSource, searchPath: rpt.o.sourcePath, trimPath: rpt.o.trimPath });
  } catch (e) {
    if (!(e instanceof ProfileError) || e.message !== `no matches found for regexp: ${symbol}`) throw e;
  }
  let graphNodes: GraphNode[] | null = null;
  const nodes = () => (graphNodes ??= rpt.newGraph(null).nodes);
  const dot = (v: number) => (v === 0 ? '.' : rpt.formatValue(v));
  const routines = data.map((r): SourceRoutine => {
    const found = !r.noSource && r.error === null;
    const lines = found
      ? r.lines.map((l) => ({ line: l.lineno, flat: l.flat, cum: l.cum, text: l.text }))
      : r.noSource
        ? []
        : sampledLines(nodes, r.name, r.file).map((l) => ({ ...l, text: null }));
    return {
      name: r.name,
      file: r.file,
      flat: r.flat,
      cum: r.cum,
      flatLabel: r.noSource ? '' : rpt.formatValue(r.flat),
      cumLabel: r.noSource ? '' : rpt.formatValue(r.cum),
      percent: r.noSource ? '' : percentage(r.cum, rpt.total).trim(),
      sourcePath: found ? (matched.get(r.file) ?? null) : null,
      lines: lines.map((l) => ({ ...l, flatLabel: dot(l.flat), cumLabel: dot(l.cum) })),
    };
  });
  const total = rpt.total;
  // -list prints no legend: the title is the profile's header lines only.
  return {
    header: viewHeader(p, rpt, q, profileLabels(rpt)),
    data: {
      symbol,
      total,
      totalLabel: rpt.formatValue(total),
      routines,
      sourcesGiven: req.sources ? Object.keys(req.sources).length : 0,
    },
  };
}
