// The query and the Report a view computes from, built exactly as the text
// reports do (src/core/report/index.ts runTextReport), so that the numbers of
// a view equal `go tool pprof -top/-peek/-list/-dot` for the same options.
import type { Profile } from '../profile/model';
import { ProfileError } from '../profile/errors';
import type { Options } from '../query/options';
import { applyQuery, type QueryResult } from '../query/index';
import { GoRegexpError } from '../query/go-regexp';
import { reportConfig, type TextReportKind } from '../report/config';
import { Report } from '../report/report';

export interface ViewReport {
  q: QueryResult;
  rpt: Report;
}

/**
 * Applies the options to p and builds the Report of the given text-report kind
 * ('top' for the table, 'dot' for the graph, 'peek', 'list' ...). Throws
 * ProfileError for bad options (regexps, sample index).
 */
export function viewReport(p: Profile, kind: TextReportKind, o: Options, symbol?: string): ViewReport {
  const q = applyQuery(p, o);
  let cfg;
  try {
    cfg = reportConfig(kind, q.profile, o, q.sampleIndex, q.filters, symbol);
  } catch (e) {
    if (e instanceof GoRegexpError) throw new ProfileError(`parsing argument regexp ${symbol}: ${e.message}`);
    throw e;
  }
  cfg.meanIndex = q.meanIndex >= 0 ? q.meanIndex : null;
  cfg.sampleType = q.sampleType;
  cfg.sampleUnit = q.sampleUnit;
  const rpt = new Report(q.profile, q.total, cfg);
  rpt.numLabelUnits = q.numLabelUnits;
  return { q, rpt };
}
