// The sample half of pprof's profile.Merge: samples with the same merged
// stack and the same labels are one sample, their values summed, kept in
// order of first appearance. Everything is typed arrays: a sample is named by
// its first source row (its representative), identity is a numeric hash of
// the merged location run and the canonical label run, held in an
// open-addressing table and confirmed by exact comparison. No string and no
// object per sample: a million samples merge in a fraction of a second.
import type { ProfileBuilder } from './builder';
import type { Profile, SampleTable } from './model';
import { canonicalLabelRows } from './sample-labels';

const EMPTY = -1;

// murmur3's 32-bit mixing steps.
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const TWO32 = 4294967296;

class GrowU32 {
  a: Uint32Array;
  n = 0;
  constructor(size: number) {
    this.a = new Uint32Array(Math.max(size, 16));
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

export class SampleMerger {
  count = 0;
  private readonly nTypes: number;
  // Per merged sample: representative (source, row), summed values.
  private readonly repSrc: Uint32Array;
  private readonly repRow: Uint32Array;
  readonly values: Float64Array[];
  private readonly table: Int32Array;
  private readonly mask: number;
  // Per source (by source number): the profile and its location memo.
  private readonly srcs: Profile[] = [];
  private readonly memos: Int32Array[] = [];
  // Canonical labels of the merged samples, strings as ids of `labelText`
  // (shared by all sources, so that labels compare as numbers).
  private readonly labStart: GrowU32;
  private readonly labKey = new GrowU32(16);
  private readonly labStr = new GrowU32(16); // 0 = numeric label
  private readonly labUnit = new GrowU32(16);
  private labNum = new Float64Array(16);
  private readonly labelText: string[] = [''];
  private readonly labelIds = new Map<string, number>([['', 0]]);
  // Scratch for the candidate sample's canonical labels.
  private rows = new Uint32Array(16);
  private cKey = new Uint32Array(16);
  private cStr = new Uint32Array(16);
  private cUnit = new Uint32Array(16);
  private cNum = new Float64Array(16);

  /** maxSamples: an upper bound on the merged sample count (the sources' total). */
  constructor(nTypes: number, maxSamples: number) {
    this.nTypes = nTypes;
    const n = Math.max(maxSamples, 1);
    this.repSrc = new Uint32Array(n);
    this.repRow = new Uint32Array(n);
    this.values = [];
    for (let t = 0; t < nTypes; t++) this.values.push(new Float64Array(n));
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    this.table = new Int32Array(cap * 2).fill(EMPTY);
    this.mask = cap - 1;
    this.labStart = new GrowU32(1024);
  }

  /**
   * Merges the non-zero samples of src. memo maps source location rows to
   * merged locations; mapLocation fills it on first use (in stack order, so
   * locations are numbered in order of first use, as pprof does).
   */
  addSource(src: Profile, memo: Int32Array, mapLocation: (li: number) => number): void {
    const si = this.srcs.length;
    this.srcs.push(src);
    this.memos.push(memo);
    const S = src.samples;
    const { stackStart, stackLocs, labelStart } = S;
    const vals = S.values;
    const nT = this.nTypes;
    const hasLabels = S.labelKey.length > 0;
    const labelMemo = hasLabels ? new Int32Array(src.strings.length).fill(-1) : null;
    const table = this.table;
    const mask = this.mask;
    const mask2 = (mask << 1) | 1;
    const out = this.values;
    for (let i = 0; i < S.count; i++) {
      let zero = true;
      for (let t = 0; t < nT; t++) {
        if (vals[t][i] !== 0) {
          zero = false;
          break;
        }
      }
      if (zero) continue;
      const a = stackStart[i];
      const e = stackStart[i + 1];
      // One multiply per frame (a bijection of h for each frame, so runs that
      // differ in one place never collide); fmix below spreads the bits.
      let h = e - a;
      for (let k = a; k < e; k++) {
        let l = memo[stackLocs[k]];
        if (l < 0) l = mapLocation(stackLocs[k]);
        h = Math.imul(h ^ l, 0x5bd1e995);
      }
      let nl = 0;
      if (labelMemo !== null && labelStart[i + 1] > labelStart[i]) {
        nl = this.candidateLabels(src, i, labelMemo);
        h = this.hashLabels(h, nl);
      }
      h = fmix(h) | 0;
      // Slots are (sample, hash) pairs: a probe reads one cache line.
      let slot = (h & mask) << 1;
      let j = table[slot];
      while (j !== EMPTY) {
        if (table[slot + 1] === h && this.sameStack(j, stackLocs, a, e, memo) && this.sameLabels(j, nl)) break;
        slot = (slot + 2) & mask2;
        j = table[slot];
      }
      if (j !== EMPTY) {
        for (let t = 0; t < nT; t++) out[t][j] += vals[t][i];
        continue;
      }
      j = this.count++;
      table[slot] = j;
      table[slot + 1] = h;
      this.repSrc[j] = si;
      this.repRow[j] = i;
      for (let t = 0; t < nT; t++) out[t][j] = vals[t][i];
      this.storeLabels(nl);
    }
  }

  private sameStack(j: number, locs: Uint32Array, a: number, e: number, memo: Int32Array): boolean {
    const rs = this.repSrc[j];
    const r = this.repRow[j];
    const R = this.srcs[rs].samples;
    const b = R.stackStart[r];
    if (R.stackStart[r + 1] - b !== e - a) return false;
    const rlocs = R.stackLocs;
    const rmemo = this.memos[rs];
    for (let k = 0; k < e - a; k++) {
      if (memo[locs[a + k]] !== rmemo[rlocs[b + k]]) return false;
    }
    return true;
  }

  private labelId(src: Profile, s: number, labelMemo: Int32Array): number {
    let id = labelMemo[s];
    if (id < 0) {
      const text = src.strings[s] ?? '';
      id = this.labelIds.get(text) ?? -1;
      if (id < 0) {
        id = this.labelText.length;
        this.labelText.push(text);
        this.labelIds.set(text, id);
      }
      labelMemo[s] = id;
    }
    return id;
  }

  // Fills the scratch columns with sample i's canonical labels; returns how many.
  private candidateLabels(src: Profile, i: number, labelMemo: Int32Array): number {
    const S = src.samples;
    const need = S.labelStart[i + 1] - S.labelStart[i];
    if (this.rows.length < need) {
      const size = need * 2;
      this.rows = new Uint32Array(size);
      this.cKey = new Uint32Array(size);
      this.cStr = new Uint32Array(size);
      this.cUnit = new Uint32Array(size);
      this.cNum = new Float64Array(size);
    }
    const n = canonicalLabelRows(src, i, this.rows);
    for (let k = 0; k < n; k++) {
      const r = this.rows[k];
      this.cKey[k] = this.labelId(src, S.labelKey[r], labelMemo);
      const sv = S.labelStr[r];
      if (sv !== 0) {
        this.cStr[k] = this.labelId(src, sv, labelMemo);
        this.cNum[k] = 0;
        this.cUnit[k] = 0;
      } else {
        this.cStr[k] = 0;
        this.cNum[k] = S.labelNum[r];
        this.cUnit[k] = this.labelId(src, S.labelNumUnit[r], labelMemo);
      }
    }
    return n;
  }

  private hashLabels(h: number, n: number): number {
    for (let k = 0; k < n; k++) {
      h = mix(h, this.cKey[k]);
      h = mix(h, this.cStr[k]);
      const v = this.cNum[k];
      h = mix(h, v | 0);
      h = mix(h, Math.floor(v / TWO32) | 0);
      h = mix(h, this.cUnit[k]);
    }
    return mix(h, n);
  }

  private sameLabels(j: number, n: number): boolean {
    const ls = this.labStart.a;
    const a = ls[j];
    if (ls[j + 1] - a !== n) return false;
    const key = this.labKey.a;
    const sv = this.labStr.a;
    const unit = this.labUnit.a;
    const num = this.labNum;
    for (let k = 0; k < n; k++) {
      const x = a + k;
      if (key[x] !== this.cKey[k] || sv[x] !== this.cStr[k] || unit[x] !== this.cUnit[k] || num[x] !== this.cNum[k]) return false;
    }
    return true;
  }

  // Appends the candidate's labels as those of the new merged sample
  // (labStart holds count+1 entries: the run of sample j ends at labStart[j+1]).
  private storeLabels(n: number): void {
    if (this.labStart.n === 0) this.labStart.push(0);
    for (let k = 0; k < n; k++) {
      const x = this.labKey.n;
      this.labKey.push(this.cKey[k]);
      this.labStr.push(this.cStr[k]);
      this.labUnit.push(this.cUnit[k]);
      if (x === this.labNum.length) {
        const b = new Float64Array(this.labNum.length * 2);
        b.set(this.labNum);
        this.labNum = b;
      }
      this.labNum[x] = this.cNum[k];
    }
    this.labStart.push(this.labKey.n);
  }

  /** True when some merged sample's values sum to zero in every type. */
  hasZeroSample(): boolean {
    for (let j = 0; j < this.count; j++) {
      let zero = true;
      for (let t = 0; t < this.nTypes && zero; t++) zero = this.values[t][j] === 0;
      if (zero) return true;
    }
    return false;
  }

  /**
   * The merged sample table, its label strings interned into b in sample
   * order. A single source whose samples all survive unchanged, with
   * locations numbered as in the source, shares its stack columns (and values)
   * instead of copying them: the same table, without a second copy of a
   * hundred megabytes of stacks.
   */
  finish(b: ProfileBuilder, share: boolean): SampleTable {
    const n = this.count;
    const single = this.srcs.length === 1 ? this.srcs[0].samples : null;
    const whole = single !== null && share && single.count === n;
    let stackStart: Uint32Array;
    let stackLocs: Uint32Array;
    if (whole && isIdentity(this.memos[0])) {
      stackStart = single.stackStart;
      stackLocs = single.stackLocs;
    } else {
      ({ stackStart, stackLocs } = this.gatherStacks(whole ? single.stackStart : null));
    }
    const values = whole ? single.values : this.values.map((v) => trim(v, n));
    return { count: n, stackStart, stackLocs, values, ...this.outputLabels(b) };
  }

  private gatherStacks(sharedStart: Uint32Array | null): { stackStart: Uint32Array; stackLocs: Uint32Array } {
    const n = this.count;
    const stackStart = sharedStart ?? new Uint32Array(n + 1);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const R = this.srcs[this.repSrc[j]].samples;
      const r = this.repRow[j];
      if (sharedStart === null) stackStart[j] = total;
      total += R.stackStart[r + 1] - R.stackStart[r];
    }
    if (sharedStart === null) stackStart[n] = total;
    const stackLocs = new Uint32Array(total);
    let w = 0;
    for (let j = 0; j < n; j++) {
      const rs = this.repSrc[j];
      const R = this.srcs[rs].samples;
      const memo = this.memos[rs];
      const locs = R.stackLocs;
      const r = this.repRow[j];
      const e = R.stackStart[r + 1];
      for (let k = R.stackStart[r]; k < e; k++) stackLocs[w++] = memo[locs[k]];
    }
    return { stackStart, stackLocs };
  }

  private outputLabels(b: ProfileBuilder): Pick<SampleTable, 'labelStart' | 'labelKey' | 'labelStr' | 'labelNum' | 'labelNumUnit'> {
    const n = this.count;
    const m = this.labKey.n;
    const labelStart = new Uint32Array(n + 1);
    if (m === 0) {
      const none = new Uint32Array(0);
      return { labelStart, labelKey: none, labelStr: none, labelNum: new Float64Array(0), labelNumUnit: none };
    }
    labelStart.set(this.labStart.a.subarray(0, n + 1));
    // Intern in sample order (key, then value or unit), as a builder fed the
    // merged samples one by one would.
    const ids = new Int32Array(this.labelText.length).fill(-1);
    ids[0] = 0;
    const text = this.labelText;
    const intern = (l: number): number => (ids[l] >= 0 ? ids[l] : (ids[l] = b.string(text[l])));
    const labelKey = new Uint32Array(m);
    const labelStr = new Uint32Array(m);
    const labelNumUnit = new Uint32Array(m);
    for (let x = 0; x < m; x++) {
      labelKey[x] = intern(this.labKey.a[x]);
      if (this.labStr.a[x] !== 0) labelStr[x] = intern(this.labStr.a[x]);
      else labelNumUnit[x] = intern(this.labUnit.a[x]);
    }
    return { labelStart, labelKey, labelStr, labelNum: this.labNum.slice(0, m), labelNumUnit };
  }
}

// Every location used keeps its row (unused ones, -1, may only trail):
// then the merged stacks are the source's stacks, index for index.
function isIdentity(memo: Int32Array): boolean {
  for (let i = 0; i < memo.length; i++) if (memo[i] !== i && memo[i] !== -1) return false;
  return true;
}

function trim(a: Float64Array, n: number): Float64Array {
  return n === a.length ? a : a.slice(0, n);
}
