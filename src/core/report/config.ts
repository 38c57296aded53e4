// The options of one report, as pprof's driver sets them (reportOptions and
// applyCommandOverrides): per-report trimming defaults, granularity for -list,
// the sample type and unit, the active filters legend.
import type { Profile } from '../profile/model';
import type { Options } from '../query/options';
import { compileGoRegexp } from '../query/go-regexp';
import { basePath } from '../graph/paths';
import type { OutputFormat, ReportConfig } from './report';

export type TextReportKind = 'top' | 'text' | 'traces' | 'tree' | 'peek' | 'list' | 'dot' | 'tags';

const FORMAT: Record<TextReportKind, OutputFormat> = {
  top: 'text',
  text: 'text',
  traces: 'traces',
  tree: 'tree',
  peek: 'tree',
  list: 'list',
  dot: 'dot',
  tags: 'tags',
};

export function reportConfig(
  kind: TextReportKind,
  p: Profile,
  o: Options,
  sampleIndex: number,
  filters: string[],
  symbol?: string,
): ReportConfig {
  let trim = true;
  let nodeCount = o.nodeCount ?? -1;
  let granularity = o.granularity ?? 'functions';
  switch (kind) {
    case 'peek':
      trim = false;
      break;
    case 'list':
      trim = false;
      granularity = 'lines';
      break;
    case 'top':
    case 'text':
      if (nodeCount === -1) nodeCount = 0;
      break;
    default:
      if (nodeCount === -1) nodeCount = 80;
  }
  let nodeFraction = o.nodeFraction ?? 0.005;
  let edgeFraction = o.edgeFraction ?? 0.001;
  if (!trim) {
    nodeCount = 0;
    nodeFraction = 0;
    edgeFraction = 0;
  }
  const st = p.sampleTypes[sampleIndex];
  const type = st ? (p.strings[st.type] ?? '') : '';
  const unit = st ? (p.strings[st.unit] ?? '') : '';
  const mainFile = p.mappings.length > 0 ? (p.strings[p.mappings[0].file] ?? '') : '';
  return {
    outputFormat: FORMAT[kind],
    cumSort: o.sort === 'cum',
    dropNegative: o.dropNegative ?? false,
    nodeCount,
    nodeFraction,
    edgeFraction,
    sampleIndex,
    meanIndex: o.mean ? 0 : null,
    sampleType: (o.mean ? 'mean_' : '') + type,
    sampleUnit: unit,
    outputUnit: o.unit ?? 'minimum',
    activeFilters: filters,
    title: mainFile !== '' ? basePath(mainFile) : '',
    symbol: symbol !== undefined ? compileGoRegexp(symbol) : null,
    symbolSource: symbol ?? '',
    granularity,
    noInlines: o.noInlines ?? false,
    callTree: o.callTree ?? false,
    sourcePath: o.sourcePath ?? '',
    trimPath: o.trimPath ?? '',
    ratio: 1 / (o.divideBy ?? 1),
    compactLabels: o.compactLabels ?? false,
  };
}
