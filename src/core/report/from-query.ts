// The Report of a text-report kind for a query's result: what runTextReport
// prints from and what the web views compute from, so their numbers agree.
import { ProfileError } from '../profile/errors';
import { GoRegexpError } from '../query/go-regexp';
import type { QueryResult } from '../query/index';
import type { Options } from '../query/options';
import { reportConfig, type TextReportKind } from './config';
import { Report } from './report';

/**
 * Throws ProfileError for a bad -peek/-list regexp, worded as pprof does. A
 * query in select mode (q.keep) is for the reports built from graphs only.
 */
export function reportFromQuery(q: QueryResult, kind: TextReportKind, o: Options, symbol?: string): Report {
  if (q.keep && (kind === 'traces' || kind === 'tags')) {
    throw new Error(`reportFromQuery: the ${kind} report reads samples, not graphs: query without select mode`);
  }
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
  const rpt = new Report(q.profile, q.total, cfg, q.keep);
  rpt.numLabelUnits = q.numLabelUnits;
  return rpt;
}
