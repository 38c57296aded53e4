// pprof's Profile.RemoveUninteresting / Prune (google/pprof profile/prune.go):
// honours a profile's drop_frames / keep_frames regexps by removing, from
// every stack, the first matching frame (scanning from the root) and all the
// frames beneath it.
import { str, type Profile } from './model';
import { compileGoRegexp } from '../query/go-regexp';

const RESERVED = ['(anonymous namespace)', 'operator()'];

/** pprof's simplifyFunc: drops a C++-style argument list. */
export function simplifyFunc(f: string): string {
  const name = f.startsWith('.') ? f.slice(1) : f;
  const rx = /\(anonymous namespace\)|operator\(\)|\(/g;
  for (let m = rx.exec(name); m; m = rx.exec(name)) {
    if (!RESERVED.includes(m[0])) return name.slice(0, m.index);
  }
  return name;
}

function compileAnchored(re: string): RegExp | null {
  try {
    return compileGoRegexp('^(' + re + ')$');
  } catch {
    return null; // pprof ignores the error of an invalid drop_frames
  }
}

/** Applies drop_frames/keep_frames; returns p itself when there is nothing to do. */
export function removeUninteresting(p: Profile): Profile {
  const dropText = str(p, p.dropFrames);
  if (dropText === '') return p;
  const drop = compileAnchored(dropText);
  if (!drop) return p;
  const keepText = str(p, p.keepFrames);
  const keep = keepText !== '' ? compileAnchored(keepText) : null;
  if (keepText !== '' && !keep) return p;
  return pruneFrames(p, drop, keep);
}

export function pruneFrames(p: Profile, drop: RegExp, keep: RegExp | null): Profile {
  const cache = new Map<number, boolean>();
  const pruneHere = (nameIdx: number): boolean => {
    let r = cache.get(nameIdx);
    if (r === undefined) {
      const fn = simplifyFunc(str(p, nameIdx));
      r = drop.test(fn) && !(keep && keep.test(fn));
      cache.set(nameIdx, r);
    }
    return r;
  };
  const L = p.locations;
  const prune = new Uint8Array(L.count);
  const pruneBeneath = new Uint8Array(L.count);
  // New first line of each location (lines before it are removed).
  const firstLine = Uint32Array.from(L.lineStart.subarray(0, L.count));
  let changed = false;
  for (let li = 0; li < L.count; li++) {
    const s = L.lineStart[li];
    const e = L.lineStart[li + 1];
    let k = e - 1;
    for (; k >= s; k--) {
      const f = L.lineFunction[k];
      if (f >= 0 && p.functions.name[f] !== 0 && pruneHere(p.functions.name[f])) break;
    }
    if (k >= s) {
      changed = true;
      pruneBeneath[li] = 1;
      if (k === e - 1) prune[li] = 1;
      else firstLine[li] = k + 1;
    }
  }
  if (!changed) return p;

  // Locations: keep lines firstLine..end.
  const lineStart = new Uint32Array(L.count + 1);
  const lineFunction: number[] = [];
  const lineNumber: number[] = [];
  const lineColumn: number[] = [];
  for (let li = 0; li < L.count; li++) {
    lineStart[li] = lineFunction.length;
    const from = prune[li] ? L.lineStart[li] : firstLine[li];
    for (let k = from; k < L.lineStart[li + 1]; k++) {
      lineFunction.push(L.lineFunction[k]);
      lineNumber.push(L.lineNumber[k]);
      lineColumn.push(L.lineColumn[k]);
    }
  }
  lineStart[L.count] = lineFunction.length;

  // Samples: scanning from the root, after the first user frame, cut at the
  // first pruned location.
  const S = p.samples;
  const stackStart = new Uint32Array(S.count + 1);
  const stackLocs: number[] = [];
  for (let i = 0; i < S.count; i++) {
    stackStart[i] = stackLocs.length;
    const s = S.stackStart[i];
    const e = S.stackStart[i + 1];
    let from = s;
    let foundUser = false;
    for (let k = e - 1; k >= s; k--) {
      const loc = S.stackLocs[k];
      if (!prune[loc] && !pruneBeneath[loc]) {
        foundUser = true;
        continue;
      }
      if (!foundUser) continue;
      from = prune[loc] ? k + 1 : k;
      break;
    }
    for (let k = from; k < e; k++) stackLocs.push(S.stackLocs[k]);
  }
  stackStart[S.count] = stackLocs.length;

  return {
    ...p,
    locations: {
      ...L,
      lineStart,
      lineFunction: Int32Array.from(lineFunction),
      lineNumber: Float64Array.from(lineNumber),
      lineColumn: Float64Array.from(lineColumn),
    },
    samples: { ...S, stackStart, stackLocs: Uint32Array.from(stackLocs) },
  };
}
