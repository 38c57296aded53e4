// The Source view: `-list=RE` as data (report.printSource): per matched
// function and file, the ROUTINE total and the flat/cum of each line, beside
// the source text when the user gave the page the file (see source-match.ts),
// otherwise the lines that carry samples, with their numbers only.
import type { Profile } from '../profile/model';
import { sortNodes } from '../graph/sort';
import type { GraphNode } from '../graph/types';
import type { Report } from '../report/report';
import { profileLabels } from '../report/labels';
import { percentage } from '../units/measurement';
import type { ViewRequest, ViewResponse } from '../../worker/view-protocol';
import { viewHeader } from './header';
import { viewReport } from './view-report';
import { matchSource } from './source-match';

const MARGIN = 5; // lines shown before the first and after the last sample, as pprof

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

function sum(ns: GraphNode[]): [number, number] {
  let flat = 0;
  let cum = 0;
  for (const n of ns) {
    flat += n.flat;
    cum += n.cum;
  }
  return [flat, cum];
}

// bufio.ScanLines: split on \n, drop one trailing \r, no empty last line.
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

// getSourceFromFile: the lines around the samples; without the text, only
// the lines that carry samples.
function routineLines(rpt: Report, fns: GraphNode[], text: string[] | null): SourceLine[] {
  const byLine = new Map<number, GraphNode[]>();
  let start = fns[0].info.startLine !== 0 ? fns[0].info.startLine : fns[0].info.lineno - MARGIN;
  let end = fns[0].info.lineno + MARGIN;
  for (const n of fns) {
    const lineno = n.info.lineno;
    const nodeStart = n.info.startLine !== 0 ? n.info.startLine : lineno - MARGIN;
    const nodeEnd = lineno + MARGIN;
    // pprof's own else-if: a node that moves the start never moves the end.
    if (nodeStart < start) start = nodeStart;
    else if (nodeEnd > end) end = nodeEnd;
    let l = byLine.get(lineno);
    if (!l) byLine.set(lineno, (l = []));
    l.push(n);
  }
  const dot = (v: number) => (v === 0 ? '.' : rpt.formatValue(v));
  const line = (lineno: number, t: string | null): SourceLine => {
    const [flat, cum] = sum(byLine.get(lineno) ?? []);
    return { line: lineno, flat, cum, flatLabel: dot(flat), cumLabel: dot(cum), text: t };
  };
  if (text === null) {
    return [...byLine.keys()].filter((l) => l > 0).sort((a, b) => a - b).map((l) => line(l, null));
  }
  const out: SourceLine[] = [];
  for (let lineno = Math.max(start, 1); lineno <= end; lineno++) {
    if (lineno > text.length) break;
    out.push(line(lineno, text[lineno - 1]));
  }
  return out;
}

/** A symbol that matches nothing gives no routines (pprof: "no matches found"), not an error. */
export function sourceView(p: Profile, req: ViewRequest): ViewResponse<SourceData> {
  const symbol = req.symbol ?? '';
  const { q, rpt } = viewReport(p, 'list', req.options, symbol);
  const rx = rpt.o.symbol!;
  const g = rpt.newGraph(null);
  const functions: GraphNode[] = [];
  const functionNodes = new Map<string, GraphNode[]>();
  for (const n of g.nodes) {
    rx.lastIndex = 0;
    if (!rx.test(n.info.name)) continue;
    let fns = functionNodes.get(n.info.name);
    if (!fns) {
      functions.push(n);
      functionNodes.set(n.info.name, (fns = []));
    }
    fns.push(n);
  }
  sortNodes(functions, 'name');
  const texts = new Map<string, { path: string; lines: string[] } | null>();
  const lookup = (file: string) => {
    let t = texts.get(file);
    if (t === undefined) {
      const m = matchSource(file, req.sources, rpt.o.trimPath, rpt.o.sourcePath);
      t = m ? { path: m.path, lines: splitLines(m.text) } : null;
      texts.set(file, t);
    }
    return t;
  };
  const routines: SourceRoutine[] = [];
  for (const fn of functions) {
    const name = fn.info.name;
    const files: GraphNode[] = [];
    const fileNodes = new Map<string, GraphNode[]>();
    for (const n of functionNodes.get(name)!) {
      if (n.info.file === '') continue;
      let fns = fileNodes.get(n.info.file);
      if (!fns) {
        files.push(n);
        fileNodes.set(n.info.file, (fns = []));
      }
      fns.push(n);
    }
    if (files.length === 0) {
      routines.push({ name, file: '', flat: 0, cum: 0, flatLabel: '', cumLabel: '', percent: '', sourcePath: null, lines: [] });
      continue;
    }
    sortNodes(files, 'file');
    for (const fl of files) {
      const fns = fileNodes.get(fl.info.file)!;
      const [flat, cum] = sum(fns);
      const src = lookup(fl.info.file);
      routines.push({
        name,
        file: fl.info.file,
        flat,
        cum,
        flatLabel: rpt.formatValue(flat),
        cumLabel: rpt.formatValue(cum),
        percent: percentage(cum, rpt.total).trim(),
        sourcePath: src ? src.path : null,
        lines: routineLines(rpt, fns, src ? src.lines : null),
      });
    }
  }
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
