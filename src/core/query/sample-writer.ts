// Builds a new SampleTable from rows of an existing one, with possibly shorter
// (or, for -tagroot/-tagleaf, longer) stacks. The columns are allocated once,
// at the source's size plus any room asked for, and trimmed at the end.
import type { SampleTable } from '../profile/model';

function trim<T extends Float64Array | Uint32Array>(a: T, n: number): T {
  // Keep the big buffer when most of it is used; copy when it is mostly empty.
  return (n * 4 >= a.length * 3 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

export class SampleWriter {
  private n = 0;
  private readonly stackStart: Uint32Array;
  private readonly stackLocs: Uint32Array;
  private nLocs = 0;
  private readonly values: Float64Array[];
  private readonly labelStart: Uint32Array;
  private readonly labelKey: Uint32Array;
  private readonly labelStr: Uint32Array;
  private readonly labelNum: Float64Array;
  private readonly labelNumUnit: Uint32Array;
  private nLabels = 0;

  /** extraLocs: room for stacks that grow (-tagroot/-tagleaf add frames). */
  constructor(
    private readonly src: SampleTable,
    extraLocs = 0,
  ) {
    this.stackStart = new Uint32Array(src.count + 1);
    this.stackLocs = new Uint32Array(src.stackLocs.length + extraLocs);
    this.values = src.values.map(() => new Float64Array(src.count));
    this.labelStart = new Uint32Array(src.count + 1);
    const nl = src.labelKey.length;
    this.labelKey = new Uint32Array(nl);
    this.labelStr = new Uint32Array(nl);
    this.labelNum = new Float64Array(nl);
    this.labelNumUnit = new Uint32Array(nl);
  }

  /**
   * Adds source row `row` with the stack src.stackLocs[from..to) (a sub-range
   * of its own stack) and its labels.
   */
  add(row: number, from: number, to: number): void {
    const s = this.src;
    const i = this.n++;
    this.stackStart[i] = this.nLocs;
    // A plain loop: stacks are short, and a subarray per sample costs more.
    const src = s.stackLocs;
    const dst = this.stackLocs;
    let n = this.nLocs;
    for (let k = from; k < to; k++) dst[n++] = src[k];
    this.nLocs = n;
    for (let t = 0; t < this.values.length; t++) this.values[t][i] = s.values[t][row];
    this.labelStart[i] = this.nLabels;
    const end = s.labelStart[row + 1];
    for (let j = s.labelStart[row]; j < end; j++) {
      const k = this.nLabels++;
      this.labelKey[k] = s.labelKey[j];
      this.labelStr[k] = s.labelStr[j];
      this.labelNum[k] = s.labelNum[j];
      this.labelNumUnit[k] = s.labelNumUnit[j];
    }
  }

  /** Adds source row `row` with an explicit stack (location indexes, leaf first). */
  addWithStack(row: number, locs: ArrayLike<number>, n: number): void {
    const s = this.src;
    const i = this.n++;
    this.stackStart[i] = this.nLocs;
    for (let k = 0; k < n; k++) this.stackLocs[this.nLocs + k] = locs[k];
    this.nLocs += n;
    for (let t = 0; t < this.values.length; t++) this.values[t][i] = s.values[t][row];
    this.labelStart[i] = this.nLabels;
    for (let j = s.labelStart[row]; j < s.labelStart[row + 1]; j++) {
      const k = this.nLabels++;
      this.labelKey[k] = s.labelKey[j];
      this.labelStr[k] = s.labelStr[j];
      this.labelNum[k] = s.labelNum[j];
      this.labelNumUnit[k] = s.labelNumUnit[j];
    }
  }

  done(): SampleTable {
    const n = this.n;
    this.stackStart[n] = this.nLocs;
    this.labelStart[n] = this.nLabels;
    return {
      count: n,
      stackStart: trim(this.stackStart, n + 1),
      stackLocs: trim(this.stackLocs, this.nLocs),
      values: this.values.map((v) => trim(v, n)),
      labelStart: trim(this.labelStart, n + 1),
      labelKey: trim(this.labelKey, this.nLabels),
      labelStr: trim(this.labelStr, this.nLabels),
      labelNum: trim(this.labelNum, this.nLabels),
      labelNumUnit: trim(this.labelNumUnit, this.nLabels),
    };
  }
}
