// The sample half of pprof's profile.Merge: samples with the same merged
// stack and the same labels are one sample, their values summed, kept in
// order of first appearance. Everything is typed arrays: a sample is named by
// its first source row (its representative), identity is a numeric hash of
// the merged location run and the canonical label run, held in an
// open-addressing table and confirmed by exact comparison. No string and no
// object per sample: a million samples merge in a fraction of a second.
import type { ProfileBuilder } from './builder';
import type { LocationIndexes, Profile, SampleTable } from './model';
import { canonicalLabelRows } from './sample-labels';

const EMPTY = -1;
const BLOCK = 256;

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
  private readonly labStart: Uint32Array; // count+1 entries in use
  private readonly labKey = new GrowU32(16);
  private readonly labStr = new GrowU32(16); // 0 = numeric label
  private readonly labUnit = new GrowU32(16);
  private labNum = new Float64Array(16);
  private readonly labelText: string[] = [''];
  private readonly labelIds = new Map<string, number>([['', 0]]);
  // The block being merged: hashes, rows and canonical labels (from
  // cLabel[b] to cLabel[b+1] in the c* columns) of its non-zero samples.
  private readonly blockHash = new Int32Array(BLOCK);
  private readonly blockRow = new Uint32Array(BLOCK);
  private readonly cLabel = new Uint32Array(BLOCK + 1);
  private rows = new Uint32Array(16);
  private cKey = new Uint32Array(BLOCK);
  private cStr = new Uint32Array(BLOCK);
  private cUnit = new Uint32Array(BLOCK);
  private cNum = new Float64Array(BLOCK);
  touched = 0; // keeps the touching loads alive

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
    this.labStart = new Uint32Array(n + 1);
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
    const blockHash = this.blockHash;
    const blockRow = this.blockRow;
    const cLabel = this.cLabel;
    // Samples go by blocks: hash a block, touch the table slots of the whole
    // block (independent loads, which the processor overlaps: the table is
    // far bigger than the caches and a lone miss per sample dominated), then
    // probe and insert one by one, from cache.
    for (let from = 0; from < S.count; from += BLOCK) {
      const to = Math.min(S.count, from + BLOCK);
      let nb = 0;
      cLabel[0] = 0;
      for (let i = from; i < to; i++) {
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
        let lab = cLabel[nb];
        if (labelMemo !== null && labelStart[i + 1] > labelStart[i]) {
          const n = this.candidateLabels(src, i, labelMemo, lab);
          h = this.hashLabels(h, lab, n);
          lab += n;
        }
        blockHash[nb] = fmix(h) | 0;
        blockRow[nb++] = i;
        cLabel[nb] = lab;
      }
      let touch = 0;
      for (let b = 0; b < nb; b++) touch ^= table[(blockHash[b] & mask) << 1];
      this.touched ^= touch;
      for (let b = 0; b < nb; b++) {
        const h = blockHash[b];
        const i = blockRow[b];
        const a = stackStart[i];
        const e = stackStart[i + 1];
        const la = cLabel[b];
        const nl = cLabel[b + 1] - la;
        // Slots are (sample, hash) pairs: a probe reads one cache line.
        let slot = (h & mask) << 1;
        let j = table[slot];
        while (j !== EMPTY) {
          if (table[slot + 1] === h && this.sameStack(j, stackLocs, a, e, memo) && this.sameLabels(j, la, nl)) break;
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
        this.storeLabels(la, nl);
      }
    }
  }

  private sameStack(j: number, locs: LocationIndexes, a: number, e: number, memo: Int32Array): boolean {
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

  // Writes sample i's canonical labels to the c* columns from `at`; returns how many.
  private candidateLabels(src: Profile, i: number, labelMemo: Int32Array, at: number): number {
    const S = src.samples;
    const need = S.labelStart[i + 1] - S.labelStart[i];
    if (this.rows.length < need) this.rows = new Uint32Array(need * 2);
    if (this.cKey.length < at + need) {
      const size = (at + need) * 2;
      const grow = <T extends Uint32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      this.cKey = grow(this.cKey, new Uint32Array(size));
      this.cStr = grow(this.cStr, new Uint32Array(size));
      this.cUnit = grow(this.cUnit, new Uint32Array(size));
      this.cNum = grow(this.cNum, new Float64Array(size));
    }
    const n = canonicalLabelRows(src, i, this.rows);
    for (let k = 0; k < n; k++) {
      const r = this.rows[k];
      const x = at + k;
      this.cKey[x] = this.labelId(src, S.labelKey[r], labelMemo);
      const sv = S.labelStr[r];
      if (sv !== 0) {
        this.cStr[x] = this.labelId(src, sv, labelMemo);
        this.cNum[x] = 0;
        this.cUnit[x] = 0;
      } else {
        this.cStr[x] = 0;
        this.cNum[x] = S.labelNum[r];
        this.cUnit[x] = this.labelId(src, S.labelNumUnit[r], labelMemo);
      }
    }
    return n;
  }

  private hashLabels(h: number, at: number, n: number): number {
    for (let x = at; x < at + n; x++) {
      h = mix(h, this.cKey[x]);
      h = mix(h, this.cStr[x]);
      const v = this.cNum[x];
      h = mix(h, v | 0);
      h = mix(h, Math.floor(v / TWO32) | 0);
      h = mix(h, this.cUnit[x]);
    }
    return mix(h, n);
  }

  private sameLabels(j: number, at: number, n: number): boolean {
    const ls = this.labStart;
    const a = ls[j];
    if (ls[j + 1] - a !== n) return false;
    const key = this.labKey.a;
    const sv = this.labStr.a;
    const unit = this.labUnit.a;
    const num = this.labNum;
    for (let k = 0; k < n; k++) {
      const x = a + k;
      const c = at + k;
      if (key[x] !== this.cKey[c] || sv[x] !== this.cStr[c] || unit[x] !== this.cUnit[c] || num[x] !== this.cNum[c]) return false;
    }
    return true;
  }

  // Appends labels c*[at..at+n) as those of the new merged sample
  // (called after count is incremented: the run of sample j ends at labStart[j+1]).
  private storeLabels(at: number, n: number): void {
    for (let c = at; c < at + n; c++) {
      const x = this.labKey.n;
      this.labKey.push(this.cKey[c]);
      this.labStr.push(this.cStr[c]);
      this.labUnit.push(this.cUnit[c]);
      if (x === this.labNum.length) {
        const b = new Float64Array(this.labNum.length * 2);
        b.set(this.labNum);
        this.labNum = b;
      }
      this.labNum[x] = this.cNum[c];
    }
    this.labStart[this.count] = this.labKey.n;
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
    let stackLocs: LocationIndexes;
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
    const repSrc = this.repSrc;
    const repRow = this.repRow;
    // Representatives come source by source (sources are merged in turn):
    // walk each source's run with its columns at hand.
    let total = 0;
    for (let j = 0; j < n; ) {
      const rs = repSrc[j];
      const starts = this.srcs[rs].samples.stackStart;
      for (; j < n && repSrc[j] === rs; j++) {
        const r = repRow[j];
        if (sharedStart === null) stackStart[j] = total;
        total += starts[r + 1] - starts[r];
      }
    }
    if (sharedStart === null) stackStart[n] = total;
    const stackLocs = new Uint32Array(total);
    let w = 0;
    for (let j = 0; j < n; ) {
      const rs = repSrc[j];
      const { stackStart: starts, stackLocs: locs } = this.srcs[rs].samples;
      const memo = this.memos[rs];
      for (; j < n && repSrc[j] === rs; j++) {
        const r = repRow[j];
        const e = starts[r + 1];
        for (let k = starts[r]; k < e; k++) stackLocs[w++] = memo[locs[k]];
      }
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
    labelStart.set(this.labStart.subarray(0, n + 1));
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
