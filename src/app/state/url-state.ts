// The URL is the single source of truth for what is on screen: the view and
// the report options, with pprof's parameter names (Go 1.19 driver/config.go
// urlparam) so that a pprof web UI link reads the same here.
//
// Two forms are read and written:
//  - pprof's paths when served by the CLI: /ui/ (graph), /ui/top,
//    /ui/flamegraph, /ui/peek, /ui/source, followed by ?params;
//  - on a static host (and vite preview): the page's own path with ?view=top.
// `v=1` is the format version: links without it are read as version 1.
import type { Granularity, Options } from '../../core/query/options';
import type { ViewName } from '../../worker/view-protocol';

export const URL_FORMAT_VERSION = 1;

export const VIEWS: readonly ViewName[] = ['top', 'graph', 'flamegraph', 'peek', 'source'];

export interface UrlState {
  view: ViewName;
  options: Options;
}

export interface ParsedUrl {
  state: UrlState;
  /** Values that could not be used, as messages for people (not fatal). */
  errors: string[];
}

type Kind = 'string' | 'int' | 'float' | 'bool' | 'granularity' | 'sort';

// pprof's URL parameter -> our Options field, in pprof's order.
const PARAMS: readonly { param: string; key: keyof Options; kind: Kind; name: string }[] = [
  { param: 'si', key: 'sampleIndex', kind: 'string', name: 'sample_index' },
  { param: 'f', key: 'focus', kind: 'string', name: 'focus' },
  { param: 'i', key: 'ignore', kind: 'string', name: 'ignore' },
  { param: 'prunefrom', key: 'pruneFrom', kind: 'string', name: 'prune_from' },
  { param: 'h', key: 'hide', kind: 'string', name: 'hide' },
  { param: 's', key: 'show', kind: 'string', name: 'show' },
  { param: 'sf', key: 'showFrom', kind: 'string', name: 'show_from' },
  { param: 'tf', key: 'tagFocus', kind: 'string', name: 'tagfocus' },
  { param: 'ti', key: 'tagIgnore', kind: 'string', name: 'tagignore' },
  { param: 'ts', key: 'tagShow', kind: 'string', name: 'tagshow' },
  { param: 'th', key: 'tagHide', kind: 'string', name: 'taghide' },
  { param: 'g', key: 'granularity', kind: 'granularity', name: 'granularity' },
  { param: 'n', key: 'nodeCount', kind: 'int', name: 'nodecount' },
  { param: 'nf', key: 'nodeFraction', kind: 'float', name: 'nodefraction' },
  { param: 'ef', key: 'edgeFraction', kind: 'float', name: 'edgefraction' },
  { param: 'sort', key: 'sort', kind: 'sort', name: 'sort' },
  { param: 'unit', key: 'unit', kind: 'string', name: 'unit' },
  { param: 'calltree', key: 'callTree', kind: 'bool', name: 'call_tree' },
  { param: 'rel', key: 'relativePercentages', kind: 'bool', name: 'relative_percentages' },
  { param: 'noinlines', key: 'noInlines', kind: 'bool', name: 'noinlines' },
  { param: 'dropneg', key: 'dropNegative', kind: 'bool', name: 'drop_negative' },
  { param: 'mean', key: 'mean', kind: 'bool', name: 'mean' },
  { param: 'norm', key: 'normalize', kind: 'bool', name: 'normalize' },
];

/** The URL parameter names this app reads (besides `view` and `v`). */
export const URL_PARAMS: readonly string[] = PARAMS.map((p) => p.param);

const GRANULARITIES: readonly Granularity[] = ['functions', 'filefunctions', 'files', 'lines', 'addresses'];

// pprof's path of each view under /ui/.
const PPROF_PATH: Record<ViewName, string> = {
  graph: '',
  top: 'top',
  flamegraph: 'flamegraph',
  peek: 'peek',
  source: 'source',
};

/** driver/commands.go stringToBool. */
function parseBool(s: string): boolean | null {
  switch (s.toLowerCase()) {
    case 'true':
    case 't':
    case 'yes':
    case 'y':
    case '1':
      return true;
    case 'false':
    case 'f':
    case 'no':
    case 'n':
    case '0':
      return false;
    default:
      return null;
  }
}

function parseValue(kind: Kind, raw: string): unknown {
  switch (kind) {
    case 'string':
      return raw;
    case 'int':
      return /^[+-]?\d+$/.test(raw) ? Number(raw) : null;
    case 'float': {
      const v = Number(raw);
      return raw.trim() !== '' && Number.isFinite(v) ? v : null;
    }
    case 'bool':
      return parseBool(raw);
    case 'granularity':
      return (GRANULARITIES as readonly string[]).includes(raw) ? raw : null;
    case 'sort':
      return raw === 'cum' || raw === 'flat' ? raw : null;
  }
}

function expected(kind: Kind): string {
  switch (kind) {
    case 'int':
      return 'an integer';
    case 'float':
      return 'a number';
    case 'bool':
      return 'true or false';
    case 'granularity':
      return `one of ${GRANULARITIES.join(', ')}`;
    case 'sort':
      return 'cum or flat';
    default:
      return 'text';
  }
}

/** Where the pprof-style path starts: "/x/ui/top" -> { base: "/x/", view: "top" }. */
function pprofPath(pathname: string): { base: string; view: string } | null {
  const m = /^(.*\/)ui(?:\/([^/]*))?\/?$/.exec(pathname);
  return m ? { base: m[1], view: m[2] ?? '' } : null;
}

/** The app's root for relative fetches (api/profile, demo.pb.gz), given the page's path. */
export function appBase(pathname: string): string {
  const pp = pprofPath(pathname);
  if (pp) return pp.base;
  return pathname.slice(0, pathname.lastIndexOf('/') + 1) || '/';
}

function viewFromPprofPath(seg: string): ViewName | null {
  if (seg === 'graph') return 'graph'; // /ui/graph: the CLI serves it too
  for (const v of VIEWS) if (PPROF_PATH[v] === seg) return v;
  return null;
}

/**
 * Reads the view and options from a URL's path and query. Unknown parameters
 * are ignored; invalid values are left out and reported.
 */
export function parseUrl(pathname: string, search: string): ParsedUrl {
  const q = new URLSearchParams(search);
  const errors: string[] = [];
  const version = q.get('v');
  if (version !== null && version !== String(URL_FORMAT_VERSION)) {
    errors.push(`This link has format version v=${version}; this tsprof-web reads version ${URL_FORMAT_VERSION}, so some settings may differ.`);
  }
  let view: ViewName = 'top';
  const pp = pprofPath(pathname);
  if (pp) {
    // pprof's /ui/ is the graph.
    const v = viewFromPprofPath(pp.view);
    view = v ?? 'graph';
    if (!v) errors.push(`Unknown view "${pp.view}" in the address: showing the graph (views: ${VIEWS.join(', ')}).`);
  }
  const vp = q.get('view');
  if (vp !== null && vp !== '') {
    if ((VIEWS as readonly string[]).includes(vp)) view = vp as ViewName;
    else errors.push(`Unknown view "${vp}" in the address: showing ${view} (views: ${VIEWS.join(', ')}).`);
  }
  const options: Options = {};
  for (const p of PARAMS) {
    const raw = q.get(p.param);
    if (raw === null || raw === '') continue; // pprof: an empty value means the default
    const v = parseValue(p.kind, raw);
    if (v === null) {
      errors.push(`Ignored ${p.param}=${raw} in the address: ${p.name} must be ${expected(p.kind)}.`);
      continue;
    }
    (options as Record<string, unknown>)[p.key] = v;
  }
  return { state: { view, options }, errors };
}

/**
 * The URL (path + query) for a state. Under a pprof-style /ui/ path the view
 * goes in the path as pprof's; elsewhere in ?view=. Parameters keep pprof's
 * order, booleans are written as pprof shortens them ("t"); `extra` adds
 * parameters after them.
 */
export function formatUrl(state: UrlState, pathname: string, extra: readonly [string, string][] = []): string {
  const q = new URLSearchParams();
  const pp = pprofPath(pathname);
  let path = pathname;
  if (pp) path = pp.base + 'ui/' + PPROF_PATH[state.view];
  else q.set('view', state.view);
  for (const p of PARAMS) {
    const v = state.options[p.key];
    if (v === undefined || v === '' || v === false) continue;
    q.set(p.param, v === true ? 't' : String(v));
  }
  // Where the profile comes from (permalink.ts: url=, share=).
  for (const [k, v] of extra) q.set(k, v);
  q.set('v', String(URL_FORMAT_VERSION));
  return path + '?' + q.toString();
}

/** True when two states show the same thing (to avoid pushing duplicate history entries). */
export function sameState(a: UrlState, b: UrlState): boolean {
  return formatUrl(a, '/') === formatUrl(b, '/');
}

