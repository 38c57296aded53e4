// The text reports of `go tool pprof` (-top -text -traces -tree -peek -list
// -dot -tags) for a loaded profile and options: stdout, stderr and exit code as
// pprof gives them. The CLI prints these; the web views use the same pieces.
import type { Profile } from '../profile/model';
import { ProfileError } from '../profile/errors';
import type { Options } from '../query/options';
import { applyQuery } from '../query/index';
import { type TextReportKind } from './config';
import { reportFromQuery } from './from-query';
import { printDot } from './dot';
import { printSource, type SourceOpener } from './list';
import { tagsReport } from './tags';
import { printText } from './text';
import { tracesReport } from './traces';
import { printTree } from './tree';

export type { TextReportKind } from './config';
export type { SourceOpener } from './list';
export { sourceCandidates } from './source-path';
export { Report, computeTotal, type ReportConfig } from './report';
export { reportFromQuery } from './from-query';
export { textItems, type TextItem } from './text';
export { treeData, type TreeData, type TreeEntry, type TreeLink } from './tree';
export { sourceData, type SourceRoutine, type SourceLine } from './list';
export { printDot } from './dot';

export interface TextReportExtra {
  peek?: string; // the -peek regexp
  list?: string; // the -list regexp
  /** Reads a source file named in the profile (see sourceCandidates), or null. */
  openSource?: SourceOpener;
  /** -source_path, or the current directory when not given (for messages). */
  sourceSearchPath?: string;
}

export interface TextReportResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function runTextReport(kind: TextReportKind, p: Profile, o: Options, extra: TextReportExtra = {}): TextReportResult {
  let warnings: string[] = [];
  try {
    const q = applyQuery(p, o);
    warnings = q.warnings;
    let symbol: string | undefined;
    if (kind === 'peek') symbol = extra.peek ?? '';
    if (kind === 'list') symbol = extra.list ?? '';
    const rpt = reportFromQuery(q, kind, o, symbol);
    let stdout: string;
    switch (kind) {
      case 'top':
      case 'text':
        stdout = printText(rpt);
        break;
      case 'tree':
      case 'peek':
        stdout = printTree(rpt);
        break;
      case 'dot':
        stdout = printDot(rpt);
        break;
      case 'list':
        stdout = printSource(rpt, {
          openSource: extra.openSource,
          searchPath: extra.sourceSearchPath ?? o.sourcePath ?? '',
          trimPath: o.trimPath ?? '',
        });
        break;
      case 'traces':
        stdout = tracesReport(rpt, q.numLabelUnits);
        break;
      case 'tags':
        stdout = tagsReport(rpt, q.numLabelUnits);
        break;
    }
    return { stdout, stderr: lines(warnings), exitCode: 0 };
  } catch (e) {
    if (e instanceof ProfileError) {
      return { stdout: '', stderr: lines(warnings) + e.message + '\n', exitCode: 1 };
    }
    throw e;
  }
}

function lines(ls: string[]): string {
  return ls.map((l) => l + '\n').join('');
}
