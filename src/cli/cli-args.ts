// tsprof-web's command line: pprof's flags (google/pprof internal/driver/
// cli.go and config.go) parsed into report Options plus what the CLI itself
// needs (sources, bases, report kind, -http ...).
import type { Granularity, Options } from '../core/query/options';
import { FlagError, parseGoFlags, type FlagSpec } from './go-flags';
import { parseSize } from './size';

export type ReportKind = 'raw' | 'top' | 'text' | 'traces' | 'tree' | 'peek' | 'list' | 'dot' | 'tags' | 'proto' | 'comments';

export interface CliArgs {
  help: boolean;
  report?: { kind: ReportKind; regexp?: string };
  options: Options;
  sources: string[];
  bases: string[];
  diffBase: boolean;
  normalize: boolean;
  http?: string;
  noBrowser: boolean;
  shareDir?: string; // -share_dir (default: the user's cache directory)
  shareLimit: number; // -share_limit, bytes
  seconds?: number;
  timeout?: number;
  maxInflate: number;
  output?: string; // -output: the report goes to this file
  symbolize?: string; // -symbolize (only "none"/"remote" matter: they silence the local-symbolization notes)
  warnings: string[]; // printed on stderr, as pprof's UI.PrintErr
}

const GRANULARITIES: Granularity[] = ['functions', 'filefunctions', 'files', 'lines', 'addresses'];
const BOOL_REPORTS = ['raw', 'top', 'text', 'traces', 'tree', 'dot', 'tags', 'proto', 'comments'] as const;
const REGEXP_REPORTS = ['peek', 'list'] as const;

const s = (help: string): FlagSpec => ({ kind: 'string', help });
const b = (help: string): FlagSpec => ({ kind: 'bool', help });

export const FLAGS: Record<string, FlagSpec> = {
  // Reports.
  raw: b('Outputs a text representation of the raw profile'),
  top: b('Outputs top entries in text form'),
  text: b('Outputs top entries in text form'),
  traces: b('Outputs all profile samples in text form'),
  tree: b('Outputs a text rendering of call graph'),
  dot: b('Outputs a graph in DOT format'),
  tags: b('Outputs all tags in the profile'),
  proto: b('Outputs the profile in compressed protobuf format'),
  comments: b('Output all profile comments'),
  peek: s('Output callers/callees of functions matching regexp'),
  list: s('Output annotated source for functions matching regexp'),
  output: s('Output filename for file-based outputs'),
  // Options.
  call_tree: b('Create a context-sensitive call tree'),
  drop_negative: b('Ignore negative differences'),
  compact_labels: b('Show minimal headers'),
  divide_by: { kind: 'float', help: 'Ratio to divide all samples before visualization' },
  edgefraction: { kind: 'float', help: 'Hide edges below <f>*total' },
  focus: s('Restricts to samples going through a node matching regexp'),
  hide: s('Skips nodes matching regexp'),
  ignore: s('Skips paths going through any nodes matching regexp'),
  mean: b('Average sample value over first value (count)'),
  nodecount: { kind: 'int', help: 'Max number of nodes to show' },
  nodefraction: { kind: 'float', help: 'Hide nodes below <f>*total' },
  noinlines: b('Ignore inlines.'),
  normalize: b('Scales profile based on the base profile.'),
  prune_from: s('Drops any functions below the matched frame.'),
  relative_percentages: b('Show percentages relative to focused subgraph'),
  sample_index: s('Sample value to report (0-based index or name)'),
  show: s('Only show nodes matching regexp'),
  show_from: s('Drops functions above the highest matched frame.'),
  source_path: s('Search path for source files'),
  tagfocus: s('Restricts to samples with tags in range or matched by regexp'),
  taghide: s('Skip tags matching this regexp'),
  tagignore: s('Discard samples with tags in range or matched by regexp'),
  tagshow: s('Only consider tags matching this regexp'),
  tagroot: s('Adds pseudo stack frames for labels key/value pairs at the callstack root.'),
  tagleaf: s('Adds pseudo stack frames for labels key/value pairs at the callstack leaf.'),
  trim: b('Honor nodefraction/edgefraction/nodecount defaults'),
  trim_path: s('Path to trim from source paths before search'),
  unit: s('Measurement units to display'),
  granularity: s('functions, filefunctions, files, lines or addresses'),
  functions: b('Aggregate at the function level.'),
  filefunctions: b('Aggregate at the function level.'),
  files: b('Aggregate at the file level.'),
  lines: b('Aggregate at the source code line level.'),
  addresses: b('Aggregate at the address level.'),
  cum: b('Sort entries based on cumulative weight'),
  flat: b('Sort entries based on own weight'),
  // Sources.
  // Go 1.19's pprof takes one value for these: the last one given wins.
  diff_base: s('Source of base profile for comparison'),
  base: s('Source of base profile for profile subtraction'),
  seconds: { kind: 'int', help: 'Duration for time-based profile collection' },
  timeout: { kind: 'int', help: 'Timeout in seconds for profile collection' },
  max_inflate: s('Largest decompressed profile accepted (default 1GiB)'),
  symbolize: s('tsprof-web never symbolizes; "none" also silences the notes on unsymbolized binaries'),
  // Legacy convenience options.
  inuse_space: b('Same as -sample_index=inuse_space'),
  inuse_objects: b('Same as -sample_index=inuse_objects'),
  alloc_space: b('Same as -sample_index=alloc_space'),
  alloc_objects: b('Same as -sample_index=alloc_objects'),
  total_delay: b('Same as -sample_index=delay'),
  contentions: b('Same as -sample_index=contentions'),
  mean_delay: b('Same as -mean -sample_index=delay'),
  // Web.
  http: s('Provide web interface at host:port'),
  no_browser: b('Skip opening a browser for the interactive web UI'),
  share_dir: s('Directory of the share store (default: the user cache directory)'),
  share_limit: s('Largest profile the share store accepts (default 64MB)'),
};

export const DEFAULT_MAX_INFLATE = 1024 * 1024 * 1024;
export const DEFAULT_SHARE_LIMIT = 64 * 1024 * 1024;

/** Parses argv (without the program name). Throws FlagError. */
export function parseCliArgs(argv: string[]): CliArgs {
  const f = parseGoFlags(argv, FLAGS);
  const v = f.values;
  const str = (n: string): string | undefined => {
    const x = v.get(n);
    return typeof x === 'string' && x !== '' ? x : undefined;
  };
  const bool = (n: string): boolean => v.get(n) === true;
  const num = (n: string): number | undefined => {
    const x = v.get(n);
    return typeof x === 'number' ? x : undefined;
  };
  const list = (n: string): string[] => {
    const x = str(n);
    return x === undefined ? [] : [x];
  };
  const warnings: string[] = [];

  let report: CliArgs['report'];
  const setReport = (r: NonNullable<CliArgs['report']>): void => {
    if (report) throw new FlagError('must set at most one output format', false);
    report = r;
  };
  for (const k of BOOL_REPORTS) if (bool(k)) setReport({ kind: k });
  for (const k of REGEXP_REPORTS) {
    const re = str(k);
    if (re !== undefined) setReport({ kind: k, regexp: re });
  }

  const o: Options = {};
  o.sampleIndex = str('sample_index');
  if (bool('mean')) o.mean = true;
  o.focus = str('focus');
  o.ignore = str('ignore');
  o.hide = str('hide');
  o.show = str('show');
  o.showFrom = str('show_from');
  o.pruneFrom = str('prune_from');
  o.tagFocus = str('tagfocus');
  o.tagIgnore = str('tagignore');
  o.tagShow = str('tagshow');
  o.tagHide = str('taghide');
  o.tagRoot = str('tagroot');
  o.tagLeaf = str('tagleaf');
  if (bool('noinlines')) o.noInlines = true;
  const nodecount = num('nodecount');
  if (nodecount !== undefined && nodecount !== -1) o.nodeCount = nodecount;
  o.nodeFraction = num('nodefraction');
  o.divideBy = num('divide_by');
  if (bool('compact_labels')) o.compactLabels = true;
  o.edgeFraction = num('edgefraction');
  o.unit = str('unit');
  if (bool('relative_percentages')) o.relativePercentages = true;
  if (bool('drop_negative')) o.dropNegative = true;
  if (bool('call_tree')) o.callTree = true;
  if (bool('normalize')) o.normalize = true;
  o.sourcePath = str('source_path');
  o.trimPath = str('trim_path');
  if (v.get('trim') === false) {
    // pprof's -trim=false: no node/edge trimming at all.
    o.nodeCount = 0;
    o.nodeFraction = 0;
    o.edgeFraction = 0;
  }

  // Option groups: one flag per choice, at most one set.
  const gran = GRANULARITIES.filter((g) => bool(g));
  const granFlag = str('granularity');
  if (granFlag !== undefined) {
    if (!(GRANULARITIES as string[]).includes(granFlag)) {
      throw new FlagError(
        `invalid value ${JSON.stringify(granFlag)} for flag -granularity: must be one of ${GRANULARITIES.join(', ')}`,
        false,
      );
    }
    if (!gran.includes(granFlag as Granularity)) gran.push(granFlag as Granularity);
  }
  if (gran.length > 1) throw new FlagError(`conflicting options set: [${gran.join(' ')}]`, false);
  if (gran.length === 1) o.granularity = gran[0];
  const sorts = (['cum', 'flat'] as const).filter((k) => bool(k));
  if (sorts.length > 1) throw new FlagError(`conflicting options set: [${sorts.join(' ')}]`, false);
  if (sorts.length === 1) o.sort = sorts[0];

  // Legacy convenience options (cli.go's sampleIndex).
  const legacy: [string, string][] = [
    ['total_delay', 'delay'],
    ['mean_delay', 'delay'],
    ['contentions', 'contentions'],
    ['inuse_space', 'inuse_space'],
    ['inuse_objects', 'inuse_objects'],
    ['alloc_space', 'alloc_space'],
    ['alloc_objects', 'alloc_objects'],
  ];
  for (const [flag, si] of legacy) {
    if (!bool(flag)) continue;
    if (o.sampleIndex === undefined) o.sampleIndex = si;
    else warnings.push(`Multiple value selections, ignoring -${flag}`);
  }
  if (bool('mean_delay')) o.mean = true;

  const http = v.has('http') ? (v.get('http') as string) : undefined;
  if (report && http !== undefined) {
    throw new FlagError('-http is not compatible with an output format on the command line', false);
  }
  const noBrowser = bool('no_browser');
  if (noBrowser && http === undefined) throw new FlagError('-no_browser only makes sense with -http', false);

  const base = list('base');
  const diff = list('diff_base');
  if (base.length > 0 && diff.length > 0) throw new FlagError('-base and -diff_base flags cannot both be specified', false);
  const bases = diff.length > 0 ? diff : base;
  if (o.normalize && bases.length === 0) throw new FlagError('must have base profile to normalize by', false);

  let shareLimit = DEFAULT_SHARE_LIMIT;
  const sl = str('share_limit');
  if (sl !== undefined) {
    const n = parseSize(sl);
    if (n === undefined || n <= 0) {
      throw new FlagError(`invalid value ${JSON.stringify(sl)} for flag -share_limit: want a size such as 64MB or 1GiB`, false);
    }
    shareLimit = n;
  }

  let maxInflate = DEFAULT_MAX_INFLATE;
  const mi = str('max_inflate');
  if (mi !== undefined) {
    const n = parseSize(mi);
    if (n === undefined || n <= 0) {
      throw new FlagError(`invalid value ${JSON.stringify(mi)} for flag -max_inflate: want a size such as 512MB or 2GiB`, false);
    }
    maxInflate = n;
  }

  for (const k of Object.keys(o) as (keyof Options)[]) if (o[k] === undefined) delete o[k];
  const seconds = num('seconds');
  const timeout = num('timeout');
  return {
    help: f.help,
    report,
    options: o,
    sources: f.args,
    bases,
    diffBase: diff.length > 0,
    normalize: o.normalize === true,
    http,
    noBrowser,
    shareDir: str('share_dir'),
    shareLimit,
    seconds: seconds !== undefined && seconds > 0 ? seconds : undefined,
    timeout: timeout !== undefined && timeout > 0 ? timeout : undefined,
    maxInflate,
    output: str('output'),
    symbolize: str('symbolize'),
    warnings,
  };
}

