// The CLI's report options as the web UI's initial URL parameters, with
// pprof's names (Go 1.19 internal/driver/config.go urlparam), so that
// `tsprof-web -http=: -sample_index=alloc_space -focus=X p` opens
// /ui/flamegraph?si=alloc_space&f=X&v=1, as pprof's openBrowser builds it.
import type { Options } from '../core/query/options';

// Options field -> URL parameter, in pprof's order. sourcePath/trimPath stay on
// the server (they drive api/source); normalize is applied by the CLI when it
// combines the profiles, so the served profile is already normalized.
const PARAM_OF: readonly [keyof Options, string][] = [
  ['sampleIndex', 'si'],
  ['focus', 'f'],
  ['ignore', 'i'],
  ['pruneFrom', 'prunefrom'],
  ['hide', 'h'],
  ['show', 's'],
  ['showFrom', 'sf'],
  ['tagFocus', 'tf'],
  ['tagIgnore', 'ti'],
  ['tagShow', 'ts'],
  ['tagHide', 'th'],
  // Go 1.19 has no URL parameter for these: named as their flags.
  ['tagRoot', 'tagroot'],
  ['tagLeaf', 'tagleaf'],
  ['granularity', 'g'],
  ['nodeCount', 'n'],
  ['nodeFraction', 'nf'],
  ['edgeFraction', 'ef'],
  ['sort', 'sort'],
  ['unit', 'unit'],
  ['callTree', 'calltree'],
  ['relativePercentages', 'rel'],
  ['noInlines', 'noinlines'],
  ['dropNegative', 'dropneg'],
  ['mean', 'mean'],
];

/** The URL format version the app reads (app/state/url-state.ts). */
export const UI_URL_VERSION = '1';

/** The options the user gave, as URL parameters (booleans as pprof's "t"). */
export function optionsToParams(o: Options): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, param] of PARAM_OF) {
    const v = o[key];
    if (v === undefined || v === '' || v === false) continue;
    q.set(param, v === true ? 't' : String(v));
  }
  return q;
}

/**
 * The initial parameters merged under a request's own query: what the request
 * names wins, the rest comes from the command line; `v` is always set.
 */
export function mergeParams(initial: URLSearchParams, requestQuery: string): URLSearchParams {
  const out = new URLSearchParams(initial);
  const req = new URLSearchParams(requestQuery);
  for (const key of new Set(req.keys())) {
    const [first, ...rest] = req.getAll(key);
    out.set(key, first); // in place: pprof's parameter order stays
    for (const v of rest) out.append(key, v);
  }
  if (!out.has('v')) out.set('v', UI_URL_VERSION);
  return out;
}
