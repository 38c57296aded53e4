// The made-up program behind a generated profile: functions, a call graph of
// call sites (edges, some inlined) and leaf sites (pcs where samples land),
// each with a line and an address inside its function's text. Calls favour
// nearby functions (same or next package) and a few hubs (the standard
// library's first functions), so random walks share paths, as real code does.
import { makeFunctions, type GenFunction } from './gen-names';
import { randInt, type Rand } from './prng';

export const TEXT_START = 0x401000;
export const FN_SPAN = 0x1000; // bytes of text per function
const SIZES = [16, 32, 48, 64, 96, 128, 256, 512, 1024, 2048, 4096, 8192, 32768];

export interface Program {
  fns: GenFunction[];
  E: number; // call sites are 0..E-1
  S: number; // leaf sites are E..S-1
  edgeStart: Int32Array; // call sites of function f: edgeStart[f]..edgeStart[f+1]-1
  leafStart: Int32Array; // leaf sites of f: E+leafStart[f]..E+leafStart[f+1]-1
  edgeTo: Int32Array; // callee of a call site
  edgeInline: Uint8Array; // 1 = the callee is inlined at this call site
  siteFn: Int32Array; // function a site is in
  siteLine: Float64Array;
  siteAddr: Float64Array;
  leafSize: Float64Array; // heap: object size allocated at a leaf site
  nextPc: Float64Array; // per function: next free address for locations with inlined calls
  roots: number[]; // goroutine entry points (functions of package main)
}

export function makeProgram(functions: number, rand: Rand): Program {
  const { functions: fns, mainStart, mainEnd } = makeFunctions(functions, rand);
  const F = fns.length;
  const edgeStart = new Int32Array(F + 1);
  const leafStart = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) {
    edgeStart[f + 1] = edgeStart[f] + 1 + randInt(rand, 4);
    leafStart[f + 1] = leafStart[f] + 1 + randInt(rand, 3);
  }
  const E = edgeStart[F];
  const S = E + leafStart[F];
  const edgeTo = new Int32Array(E);
  const edgeInline = new Uint8Array(E);
  const siteFn = new Int32Array(S);
  const siteLine = new Float64Array(S);
  const siteAddr = new Float64Array(S);
  const leafSize = new Float64Array(S);
  for (let f = 0; f < F; f++) {
    const base = TEXT_START + f * FN_SPAN;
    const fn = fns[f];
    let slot = 0;
    for (let e = edgeStart[f]; e < edgeStart[f + 1]; e++) {
      const first = e === edgeStart[f]; // the first call of each function is never inlined
      const r = rand();
      let to: number;
      if (!first && r < 0.03) to = f; // direct recursion
      else if (r < 0.45) to = (f + 1 + randInt(rand, 30)) % F; // nearby: same or next package
      else if (r < 0.8) to = Math.floor(F * rand() ** 3); // hubs: the standard library's first functions
      else to = randInt(rand, F);
      edgeTo[e] = to;
      edgeInline[e] = !first && to !== f && rand() < 0.15 ? 1 : 0; // Go never inlines recursion
      siteFn[e] = f;
      siteLine[e] = fn.startLine + 1 + randInt(rand, fn.length);
      siteAddr[e] = base + 0x20 + 0x18 * slot++ + randInt(rand, 8);
    }
    for (let l = leafStart[f]; l < leafStart[f + 1]; l++) {
      const s = E + l;
      siteFn[s] = f;
      siteLine[s] = fn.startLine + 1 + randInt(rand, fn.length);
      siteAddr[s] = base + 0x20 + 0x18 * slot++ + randInt(rand, 8);
      leafSize[s] = SIZES[randInt(rand, SIZES.length)];
    }
  }
  const nextPc = new Float64Array(F);
  for (let f = 0; f < F; f++) nextPc[f] = TEXT_START + f * FN_SPAN + 0x400;
  const roots: number[] = [];
  for (let f = mainStart; f < mainEnd && roots.length < 8; f++) roots.push(f);
  if (roots.length === 0) roots.push(0);
  return { fns, E, S, edgeStart, leafStart, edgeTo, edgeInline, siteFn, siteLine, siteAddr, leafSize, nextPc, roots };
}
