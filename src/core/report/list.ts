// -list=RE: report.printSource, per-line flat/cum of the matching functions
// beside their source text. Source files come through a callback, so the core
// never touches a file system.
import { ProfileError } from '../profile/errors';
import { sortNodes } from '../graph/sort';
import type { GraphNode } from '../graph/types';
import { padLeft } from '../units/go-format';
import { percentage } from '../units/measurement';
import type { Report } from './report';
import { sourceDisplayName } from './source-path';

/** Returns the text of a source file named in the profile, or null. */
export type SourceOpener = (file: string) => { path: string; text: string } | null;

const MARGIN = 5; // lines printed before the first and after the last sample

class SourceReader {
  private files = new Map<string, string[] | null>();
  constructor(private open: SourceOpener | undefined) {}
  lines(file: string): string[] | null {
    let l = this.files.get(file);
    if (l === undefined) {
      const src = this.open ? this.open(file) : null;
      l = src ? splitLines(src.text) : null;
      this.files.set(file, l);
    }
    return l;
  }
}

// bufio.ScanLines: split on \n, drop one trailing \r, no empty last line.
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
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

export interface ListOptions {
  openSource?: SourceOpener;
  searchPath: string; // -source_path, or the current directory
  trimPath: string;
}

export interface SourceLine {
  lineno: number;
  flat: number;
  cum: number;
  text: string;
}

export interface SourceRoutine {
  name: string; // function name
  file: string; // file name as printed
  flat: number;
  cum: number;
  noSource: boolean; // no file name in the profile for this function
  error: string | null; // the file could not be read: pprof's message
  lines: SourceLine[];
}

/** The data of -list: the matching functions, their files and lines. */
export function sourceData(rpt: Report, lo: ListOptions): SourceRoutine[] {
  const rx = rpt.o.symbol;
  if (!rx) throw new ProfileError('-list needs a regular expression');
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
  if (functionNodes.size === 0) throw new ProfileError(`no matches found for regexp: ${rpt.o.symbolSource}`);

  const reader = new SourceReader(lo.openSource);
  const out: SourceRoutine[] = [];
  for (const fn of functions) {
    const name = fn.info.name;
    const sourceFiles: GraphNode[] = [];
    const fileNodes = new Map<string, GraphNode[]>();
    for (const n of functionNodes.get(name)!) {
      if (n.info.file === '') continue;
      let fns = fileNodes.get(n.info.file);
      if (!fns) {
        sourceFiles.push(n);
        fileNodes.set(n.info.file, (fns = []));
      }
      fns.push(n);
    }
    if (sourceFiles.length === 0) {
      out.push({ name, file: '', flat: 0, cum: 0, noSource: true, error: null, lines: [] });
      continue;
    }
    sortNodes(sourceFiles, 'file');
    for (const fl of sourceFiles) {
      const filename = fl.info.file;
      const fns = fileNodes.get(filename)!;
      const [flat, cum] = sum(fns);
      const text = reader.lines(filename);
      const error = text
        ? null
        : `could not find file ${sourceDisplayName(filename, lo.searchPath, lo.trimPath)} on path ${lo.searchPath}`;
      out.push({ name, file: filename, flat, cum, noSource: false, error, lines: text ? sourceLines(fns, text) : [] });
    }
  }
  return out;
}

export function printSource(rpt: Report, lo: ListOptions): string {
  const routines = sourceData(rpt, lo);
  const dot = (v: number) => (v === 0 ? '.' : rpt.formatValue(v));
  const out: string[] = [`Total: ${rpt.formatValue(rpt.total)}\n`];
  for (const r of routines) {
    if (r.noSource) {
      out.push(`No source information for ${r.name}\n`);
      continue;
    }
    out.push(`ROUTINE ======================== ${r.name} in ${r.file}\n`);
    out.push(
      `${padLeft(rpt.formatValue(r.flat), 10)} ${padLeft(rpt.formatValue(r.cum), 10)} (flat, cum) ${percentage(r.cum, rpt.total)} of Total\n`,
    );
    if (r.error !== null) {
      out.push(` Error: ${r.error}\n`);
      continue;
    }
    for (const l of r.lines) {
      out.push(`${padLeft(dot(l.flat), 10)} ${padLeft(dot(l.cum), 10)} ${padLeft(String(l.lineno), 6)}:${l.text}\n`);
    }
  }
  return out.join('');
}

// getSourceFromFile: the lines around the samples with their values.
function sourceLines(fns: GraphNode[], lines: string[]): SourceLine[] {
  const lineNodes = new Map<number, GraphNode[]>();
  let start = fns[0].info.startLine !== 0 ? fns[0].info.startLine : fns[0].info.lineno - MARGIN;
  let end = fns[0].info.lineno + MARGIN;
  for (const n of fns) {
    const lineno = n.info.lineno;
    const nodeStart = n.info.startLine !== 0 ? n.info.startLine : lineno - MARGIN;
    const nodeEnd = lineno + MARGIN;
    if (nodeStart < start) start = nodeStart;
    else if (nodeEnd > end) end = nodeEnd;
    let l = lineNodes.get(lineno);
    if (!l) lineNodes.set(lineno, (l = []));
    l.push(n);
  }
  if (start < 1) start = 1;
  const out: SourceLine[] = [];
  for (let lineno = start; lineno <= end; lineno++) {
    if (lineno > lines.length) break;
    const [flat, cum] = sum(lineNodes.get(lineno) ?? []);
    out.push({ lineno, flat, cum, text: lines[lineno - 1] });
  }
  return out;
}
