// The query and the Report a view computes from, built exactly as the text
// reports do (src/core/report/index.ts runTextReport), so that the numbers of
// a view equal `go tool pprof -top/-peek/-list/-dot` for the same options.
import type { Profile } from '../profile/model';
import type { Options } from '../query/options';
import { applyQuery, type QueryResult } from '../query/index';
import type { TextReportKind } from '../report/config';
import { reportFromQuery } from '../report/from-query';
import type { Report } from '../report/report';

export interface ViewReport {
  q: QueryResult;
  rpt: Report;
}

/**
 * Applies the options to p and builds the Report of the given text-report kind
 * ('top' for the table, 'dot' for the graph, 'peek', 'list' ...). Throws
 * ProfileError for bad options (regexps, sample index). Focus, ignore and the
 * tag filters select samples without copying the profile (applyQuery's select
 * mode): refining a big profile costs a walk of the kept stacks only.
 */
export function viewReport(p: Profile, kind: TextReportKind, o: Options, symbol?: string): ViewReport {
  const q = applyQuery(p, o, { select: true });
  return { q, rpt: reportFromQuery(q, kind, o, symbol) };
}
