// pprof's report.Report: the selected profile, its total, the formatting unit,
// and the graph of the report (newGraph, newTrimmedGraph, selectOutputUnit).
import type { Profile } from '../profile/model';
import type { Granularity } from '../query/options';
import { buildGraph } from '../graph/build';
import { buildTree } from '../graph/tree';
import { addInlineEdges } from '../graph/inline-edges';
import { inlinedNodes, internFrames, type FrameTable } from '../graph/frames';
import { numLabelUnits } from '../graph/tags';
import { trimmedGraph, type EdgeNeed, type TrimmedGraph } from '../graph/trim';
import type { Graph } from '../graph/types';
import { flatValue, cumValue } from '../graph/types';
import { scale, scaledLabel } from '../units/measurement';

export type OutputFormat = 'text' | 'tree' | 'dot' | 'list' | 'traces' | 'tags' | 'raw';

export interface ReportConfig {
  outputFormat: OutputFormat;
  cumSort: boolean;
  dropNegative: boolean;
  nodeCount: number;
  nodeFraction: number;
  edgeFraction: number;
  sampleIndex: number;
  meanIndex: number | null; // -mean divides by sample value 0
  sampleType: string; // printed as Type: (mean_ prefixed with -mean)
  sampleUnit: string;
  outputUnit: string; // 'minimum' until selectOutputUnit picks one
  activeFilters: string[];
  title: string;
  symbol: RegExp | null; // -peek / -list regexp
  symbolSource: string; // the regexp as given, for messages
  granularity: Granularity;
  noInlines: boolean;
  callTree: boolean; // honored by -dot only, as in pprof
  sourcePath: string;
  trimPath: string;
  ratio: number; // 1 / -divide_by: printed values are scaled by it
  compactLabels: boolean; // -compact_labels: text legends without File/Type/Time/Duration
}

/** pprof's int64(float64(v) * ratio). */
export function scaleByRatio(v: number, ratio: number): number {
  return ratio > 0 && ratio !== 1 ? Math.trunc(v * ratio) : v;
}

export class Report {
  private frameTable: FrameTable | null = null;
  /** Units of numeric label keys (QueryResult.numLabelUnits); computed when unset. */
  numLabelUnits: Map<string, string> | null = null;
  readonly values: Float64Array;
  readonly meanDiv: Float64Array | null;

  /**
   * keep: applyQuery's select mode (the samples of prof that the filters
   * keep). The others then count as zero, which every graph skips: the same
   * graph as from the filtered profile, without copying a million stacks.
   */
  constructor(
    readonly prof: Profile,
    readonly total: number,
    readonly o: ReportConfig,
    keep: Uint8Array | null = null,
  ) {
    const values = prof.samples.values[o.sampleIndex] ?? new Float64Array(prof.samples.count);
    const meanDiv = o.meanIndex === null ? null : prof.samples.values[o.meanIndex];
    this.values = keep ? masked(values, keep) : values;
    this.meanDiv = keep && meanDiv ? masked(meanDiv, keep) : meanDiv;
  }

  formatValue(v: number): string {
    return scaledLabel(scaleByRatio(v, this.o.ratio), this.o.sampleUnit, this.o.outputUnit);
  }

  frames(): FrameTable {
    if (!this.frameTable) {
      const list = this.o.outputFormat === 'list';
      this.frameTable = internFrames(this.prof, {
        granularity: this.o.granularity,
        noInlines: this.o.noInlines,
        objNames: list || this.o.outputFormat === 'raw',
        trimPath: this.o.trimPath,
        sourcePath: this.o.sourcePath,
      });
    }
    return this.frameTable;
  }

  /** report.newGraph: all nodes, or only those kept. */
  newGraph(kept: Uint8Array | null = null, edges: boolean | Uint8Array = true, tags = true): Graph {
    const withTags = tags && this.o.outputFormat === 'dot';
    return buildGraph(this.prof, this.frames(), {
      values: this.values,
      meanDiv: this.meanDiv,
      kept,
      edges: edges !== false,
      edgeDst: edges instanceof Uint8Array ? edges : null,
      dropNegative: this.o.dropNegative,
      tags: withTags
        ? { numLabelUnits: this.numLabelUnits ?? numLabelUnits(this.prof), outputUnit: this.o.outputUnit }
        : null,
    });
  }

  /** graph.newTree: a call tree (-call_tree). */
  newTree(): Graph {
    return buildTree(this.prof, this.frames(), {
      values: this.values,
      meanDiv: this.meanDiv,
      dropNegative: this.o.dropNegative,
      tags:
        this.o.outputFormat === 'dot'
          ? { numLabelUnits: this.numLabelUnits ?? numLabelUnits(this.prof), outputUnit: this.o.outputUnit }
          : null,
    });
  }

  /**
   * report.newTrimmedGraph. `edges`: what the caller reads of the edges ('all';
   * 'inline' for the inline marks of -top/-text; 'none' for legends only): the
   * nodes and their values are the same, the graph is built faster.
   */
  newTrimmedGraph(edges: EdgeNeed = 'all'): TrimmedGraph {
    const callTree = this.o.callTree && this.o.outputFormat === 'dot';
    return trimmedGraph((kept, e, tags) => this.newGraph(kept, e, tags), this.frames().infos.length, {
      edges,
      inlined: edges === 'inline' ? inlinedNodes(this.frames()) : null,
      inlineEdges: (nodes, kept, dst) =>
        addInlineEdges(this.prof, this.frames(), nodes, { values: this.values, meanDiv: this.meanDiv, kept, dst }),
      callTree: callTree ? () => this.newTree() : null,
      nodeFraction: this.o.nodeFraction,
      edgeFraction: this.o.edgeFraction,
      nodeCount: this.o.nodeCount,
      cumSort: this.o.cumSort,
      visualMode: this.o.outputFormat === 'dot',
    });
  }

  /** With unit=minimum, picks the unit from the smallest non-zero value. */
  selectOutputUnit(g: Graph): void {
    if (this.o.outputUnit !== 'minimum' || g.nodes.length === 0) return;
    let minValue = 0;
    for (const n of g.nodes) {
      let nodeMin = Math.abs(flatValue(n));
      if (nodeMin === 0) nodeMin = Math.abs(cumValue(n));
      if (nodeMin > 0 && (minValue === 0 || nodeMin < minValue)) minValue = nodeMin;
    }
    this.selectOutputUnitFor(minValue);
  }

  /** selectOutputUnit for a graph whose smallest non-zero node value is minValue (0: none). */
  selectOutputUnitFor(minValue: number): void {
    if (this.o.outputUnit === 'minimum') this.o.outputUnit = this.unitChoice(minValue).unit;
  }

  /**
   * The unit selectOutputUnit picks for minValue, and what the pick depends
   * on as a key: the units of minValue and of 100 x minValue, and whether
   * 100 x minValue is under the total. Each is monotone in minValue (from 1
   * up), so two values with the same key give the same unit, and so does any
   * value between them.
   */
  unitChoice(minValue: number): { unit: string; key: string } {
    const o = this.o;
    let maxValue = this.total;
    if (minValue === 0) minValue = maxValue;
    minValue = scaleByRatio(minValue, o.ratio);
    maxValue = scaleByRatio(maxValue, o.ratio);
    const minUnit = scale(minValue, o.sampleUnit, 'minimum')[1];
    const maxUnit = scale(maxValue, o.sampleUnit, 'minimum')[1];
    const hundredUnit = scale(100 * minValue, o.sampleUnit, 'minimum')[1];
    const under = minValue * 100 < maxValue;
    const unit = minUnit !== maxUnit && under ? hundredUnit : minUnit;
    return { unit: unit !== '' ? unit : o.sampleUnit, key: `${minUnit}\u0000${hundredUnit}\u0000${under}` };
  }
}

function masked(values: Float64Array, keep: Uint8Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (keep[i]) out[i] = values[i];
  return out;
}

/**
 * report.computeTotal: sum of |value| (divided by the mean divisor); when some
 * samples carry the pprof::base label (-diff_base), only those count; with
 * `keep`, only the samples it selects.
 */
export function computeTotal(p: Profile, values: Float64Array, meanDiv: Float64Array | null, keep: Uint8Array | null = null): number {
  // Remembered per sample table and columns: the web app asks at every switch.
  const col = p.samples.values.indexOf(values);
  const div = meanDiv ? p.samples.values.indexOf(meanDiv) : -2;
  if (keep !== null || col < 0 || div === -1) return sumTotal(p, values, meanDiv, keep);
  let byTable = totals.get(p.samples);
  if (!byTable) totals.set(p.samples, (byTable = new Map()));
  const key = `${col},${div}`;
  let total = byTable.get(key);
  if (total === undefined) byTable.set(key, (total = sumTotal(p, values, meanDiv, null)));
  return total;
}

const totals = new WeakMap<Profile['samples'], Map<string, number>>();

function sumTotal(p: Profile, values: Float64Array, meanDiv: Float64Array | null, keep: Uint8Array | null): number {
  const S = p.samples;
  let baseKey = -1;
  let trueStr = -1;
  for (let i = 0; i < p.strings.length; i++) {
    if (p.strings[i] === 'pprof::base') baseKey = i;
    else if (p.strings[i] === 'true') trueStr = i;
  }
  let total = 0;
  let div = 0;
  let diffTotal = 0;
  let diffDiv = 0;
  for (let s = 0; s < S.count; s++) {
    if (keep !== null && !keep[s]) continue;
    const v = Math.abs(values[s]);
    const d = meanDiv ? meanDiv[s] : 0;
    total += v;
    div += d;
    if (baseKey >= 0 && isDiffBase(p, s, baseKey, trueStr)) {
      diffTotal += v;
      diffDiv += d;
    }
  }
  if (diffTotal > 0) {
    total = diffTotal;
    div = diffDiv;
  }
  return div !== 0 ? Math.trunc(total / div) : total;
}

// Sample.DiffBaseSample: the sample has the label pprof::base = true.
function isDiffBase(p: Profile, s: number, baseKey: number, trueStr: number): boolean {
  const S = p.samples;
  for (let i = S.labelStart[s]; i < S.labelStart[s + 1]; i++) {
    if (S.labelKey[i] === baseKey && S.labelStr[i] !== 0 && S.labelStr[i] === trueStr) return true;
  }
  return false;
}
