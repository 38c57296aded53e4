// pprof's -tagroot / -tagleaf (Go 1.19 internal/driver/tagroot.go): each
// sample gets one pseudo frame per listed label key, named by the sample's
// values for that key (joined by ","; "" when it has none) with the key as
// file name, above its root or below its leaf. The first key is closest to
// the root, the last closest to the leaf.
import type { FunctionTable, LocationTable, Profile } from '../profile/model';
import { scaledLabel } from '../units/measurement';
import { labelKind, LABEL_NUM, LABEL_STR } from './labels';
import { SampleWriter } from './sample-writer';

/** The values of label key k on sample i, as formatLabelValues prints them. */
function labelValues(p: Profile, i: number, key: string, outputUnit: string): string {
  const s = p.samples;
  const strs: string[] = [];
  const nums: number[] = [];
  const units: string[] = [];
  let anyUnit = false;
  for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
    if ((p.strings[s.labelKey[j]] ?? '') !== key) continue;
    const kind = labelKind(s, j);
    if (kind === LABEL_STR) strs.push(p.strings[s.labelStr[j]] ?? '');
    else if (kind === LABEL_NUM) {
      nums.push(s.labelNum[j]);
      const u = p.strings[s.labelNumUnit[j]] ?? '';
      if (u !== '') anyUnit = true;
      units.push(u);
    }
  }
  // Without any unit for the key, pprof formats the plain number.
  const numText = nums.map((v, k) => (anyUnit ? scaledLabel(v, units[k], outputUnit) : scaledLabel(v, '', '')));
  return [...strs, ...numText].join(',');
}

function splitKeys(s: string | undefined): string[] {
  return (s ?? '').split(',').filter((k) => k !== '');
}

export function addLabelNodes(
  p: Profile,
  tagRoot: string | undefined,
  tagLeaf: string | undefined,
  outputUnit: string,
): { profile: Profile; rootMatched: boolean; leafMatched: boolean } {
  const rootKeys = splitKeys(tagRoot);
  const leafKeys = splitKeys(tagLeaf);
  if (rootKeys.length === 0 && leafKeys.length === 0) return { profile: p, rootMatched: false, leafMatched: false };

  const strings = [...p.strings];
  const strIndex = new Map<string, number>();
  const intern = (t: string): number => {
    let k = strIndex.get(t);
    if (k === undefined) {
      k = strings.indexOf(t);
      if (k < 0) {
        k = strings.length;
        strings.push(t);
      }
      strIndex.set(t, k);
    }
    return k;
  };
  let maxLoc = 0;
  for (const id of p.locations.id) maxLoc = Math.max(maxLoc, id);
  let maxFn = 0;
  for (const id of p.functions.id) maxFn = Math.max(maxFn, id);
  const newLocs = new Map<string, number>(); // name \0 key -> location index
  const newNames: number[] = [];
  const newFiles: number[] = [];
  const locOf = (name: string, key: string): number => {
    const k = name + '\u0000' + key;
    let l = newLocs.get(k);
    if (l === undefined) {
      l = p.locations.count + newNames.length;
      newNames.push(intern(name));
      newFiles.push(intern(key));
      newLocs.set(k, l);
    }
    return l;
  };

  let rootMatched = false;
  let leafMatched = false;
  const s = p.samples;
  const w = new SampleWriter(s, s.count * (rootKeys.length + leafKeys.length));
  const stack: number[] = [];
  for (let i = 0; i < s.count; i++) {
    stack.length = 0;
    const make = (keys: string[]): number[] => {
      const out: number[] = [];
      for (let k = keys.length - 1; k >= 0; k--) {
        const v = labelValues(p, i, keys[k], outputUnit);
        out.push(locOf(v, keys[k]));
      }
      return out;
    };
    const roots = make(rootKeys);
    const leaves = make(leafKeys);
    // pprof counts a match when the sample has any value for the key.
    if (rootKeys.some((k) => hasKey(p, i, k))) rootMatched = true;
    if (leafKeys.some((k) => hasKey(p, i, k))) leafMatched = true;
    stack.push(...leaves);
    for (let k = s.stackStart[i]; k < s.stackStart[i + 1]; k++) stack.push(s.stackLocs[k]);
    stack.push(...roots);
    w.addWithStack(i, stack, stack.length);
  }

  const n = newNames.length;
  const F = p.functions;
  const functions: FunctionTable = {
    count: F.count + n,
    id: concatF64(F.id, Float64Array.from({ length: n }, (_, k) => maxFn + 1 + k)),
    name: concatU32(F.name, Uint32Array.from(newNames)),
    systemName: concatU32(F.systemName, new Uint32Array(n)),
    filename: concatU32(F.filename, Uint32Array.from(newFiles)),
    startLine: concatF64(F.startLine, new Float64Array(n)),
  };
  const L = p.locations;
  const nLines = L.lineFunction.length;
  const lineStart = new Uint32Array(L.count + n + 1);
  lineStart.set(L.lineStart.subarray(0, L.count + 1));
  for (let k = 1; k <= n; k++) lineStart[L.count + k] = nLines + k;
  const lineFunction = new Int32Array(nLines + n);
  lineFunction.set(L.lineFunction);
  for (let k = 0; k < n; k++) lineFunction[nLines + k] = F.count + k;
  const locations: LocationTable = {
    count: L.count + n,
    id: concatF64(L.id, Float64Array.from({ length: n }, (_, k) => maxLoc + 1 + k)),
    mapping: Int32Array.from([...L.mapping, ...new Array<number>(n).fill(-1)]),
    address: (() => {
      const a = new BigUint64Array(L.count + n);
      a.set(L.address);
      return a;
    })(),
    isFolded: concatU8(L.isFolded, new Uint8Array(n)),
    lineStart,
    lineFunction,
    lineNumber: concatF64(L.lineNumber, new Float64Array(n)),
    lineColumn: concatF64(L.lineColumn, new Float64Array(n)),
  };
  return { profile: { ...p, strings, functions, locations, samples: w.done() }, rootMatched, leafMatched };
}

function hasKey(p: Profile, i: number, key: string): boolean {
  const s = p.samples;
  for (let j = s.labelStart[i]; j < s.labelStart[i + 1]; j++) {
    if (labelKind(s, j) !== 0 && p.strings[s.labelKey[j]] === key) return true;
  }
  return false;
}

function concatF64(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function concatU32(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function concatU8(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
