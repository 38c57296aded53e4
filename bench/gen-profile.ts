// Generates valid pprof protobuf profiles of any size, shaped like what Go's
// runtime/pprof writes: a few thousand functions in packages, stacks from a
// random walk over a call graph (skewed choices, so prefixes repeat and
// aggregate), inlined frames, one mapping, labels if asked. The bytes are laid
// out as runtime/pprof lays them out (see its proto.go): header fields, then
// each sample preceded by the locations and functions it is first to use,
// then the mapping and the string table. Deterministic for a given seed.
//
//   npx tsx bench/gen-profile.ts --samples=1000000 --out=x.pb.gz [--gzip]
//     [--functions=3000] [--min-depth=8] [--max-depth=64] [--type=cpu|heap]
//     [--labels] [--seed=1]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FN_SPAN, makeProgram, TEXT_START } from './gen-program';
import { mulberry32, randInt } from './prng';
import { ProtoWriter } from './proto-writer';

export interface GenerateOptions {
  samples: number; // Sample records (Go writes one per distinct stack+labels)
  functions: number;
  minDepth: number; // stack depth in locations
  maxDepth: number;
  sampleTypes?: 'cpu' | 'heap'; // cpu: samples/count, cpu/nanoseconds; heap: Go's four
  labels?: boolean; // string labels (cpu) as pprof.Do writes them
  seed?: number;
  unique?: boolean; // default true: re-draw a stack+labels already written, as Go merges them
}

export const CPU_PERIOD = 10_000_000; // 10ms: 100 Hz
export const HEAP_PERIOD = 512 * 1024;
export const MAIN_BINARY = '/srv/genprof/bin/genprof';
const TIME_NANOS = BigInt(Date.UTC(2026, 10, 26, 23, 0, 0)) * 1_000_000n;
const MAP_START = 0x400000;
const MAX_INLINE = 4; // logical frames per location at most
const COMBO_SHIFT = 2 ** 26;
const STAGES = ['encode', 'checksum', 'index', 'compact'];
const TENANTS = ['acme', 'globex', 'initech'];

function check(o: GenerateOptions): void {
  const bad = (what: string) => {
    throw new Error(`generateProfile: ${what}`);
  };
  if (!Number.isInteger(o.samples) || o.samples < 0) bad(`samples must be an integer >= 0, got ${o.samples}`);
  if (!Number.isInteger(o.functions) || o.functions < 2) bad(`functions must be an integer >= 2, got ${o.functions}`);
  if (!Number.isInteger(o.minDepth) || o.minDepth < 1) bad(`minDepth must be an integer >= 1, got ${o.minDepth}`);
  if (!Number.isInteger(o.maxDepth) || o.maxDepth < o.minDepth) bad(`maxDepth must be an integer >= minDepth, got ${o.maxDepth}`);
}

export function generateProfile(opts: GenerateOptions): Uint8Array {
  check(opts);
  const heap = opts.sampleTypes === 'heap';
  const rand = mulberry32(opts.seed ?? 1);
  const unique = (opts.unique ?? true) && opts.samples <= 8_000_000; // a JS Set holds < 2^24 entries

  // --- The program: functions and a call graph with call sites and leaf sites.
  const { fns, E, S, edgeStart, leafStart, edgeTo, edgeInline, siteFn, siteLine, siteAddr, leafSize, nextPc, roots } =
    makeProgram(opts.functions, rand);
  const F = fns.length;

  // --- Output state.
  const avgDepth = (opts.minDepth + opts.maxDepth) / 2;
  const w = new ProtoWriter(Math.ceil(opts.samples * (16 + avgDepth * 2.2)) + (1 << 20));
  const strings: string[] = [''];
  const stringIndex = new Map<string, number>([['', 0]]);
  const intern = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const valueType = (field: number, type: string, unit: string) => {
    w.ensure(32);
    const m = w.begin(field);
    w.uint(1, intern(type));
    w.uint(2, intern(unit));
    w.end(m);
  };

  // Header, in runtime/pprof's order.
  w.ensure(16);
  w.varint(9 << 3);
  w.varintBig(TIME_NANOS);
  if (heap) {
    valueType(11, 'space', 'bytes');
    w.uint(12, HEAP_PERIOD);
    valueType(1, 'alloc_objects', 'count');
    valueType(1, 'alloc_space', 'bytes');
    valueType(1, 'inuse_objects', 'count');
    valueType(1, 'inuse_space', 'bytes');
  } else {
    valueType(1, 'samples', 'count');
    valueType(1, 'cpu', 'nanoseconds');
    valueType(11, 'cpu', 'nanoseconds');
    w.uint(12, CPU_PERIOD);
  }

  // Locations are created on first use; ids in order of first appearance, as Go does.
  const siteLoc = new Int32Array(S); // location id of a simple site, 0 = not yet
  const comboKey = new Map<number, number>(); // (edge, inner site) -> combo site id
  const comboOuter: number[] = []; // combo site S+i = inline call edge comboOuter[i] ...
  const comboInner: number[] = []; // ... wrapping site comboInner[i]
  const comboAddr: number[] = [];
  const comboLoc: number[] = [];
  const fnId = new Int32Array(F);
  let nLoc = 0;
  let nFn = 0;
  const newFns: number[] = [];
  const chain: number[] = [];

  const combo = (edge: number, inner: number): number => {
    const key = edge * COMBO_SHIFT + inner;
    let c = comboKey.get(key);
    if (c === undefined) {
      c = S + comboOuter.length;
      comboKey.set(key, c);
      comboOuter.push(edge);
      comboInner.push(inner);
      const f = siteFn[edge];
      comboAddr.push(nextPc[f]);
      nextPc[f] += 4 + randInt(rand, 12);
      comboLoc.push(0);
    }
    return c;
  };

  const emitLocation = (site: number): number => {
    const id = ++nLoc;
    // Lines innermost first: the simple site at the bottom of the chain, then the inline call edges.
    chain.length = 0;
    let s = site;
    while (s >= S) {
      chain.push(comboOuter[s - S]);
      s = comboInner[s - S];
    }
    const addr = site >= S ? comboAddr[site - S] : siteAddr[site];
    w.ensure(32 + 24 * (chain.length + 1));
    const m = w.begin(4);
    w.uintOpt(1, id);
    w.uintOpt(3, addr);
    for (let k = -1; k < chain.length; k++) {
      const line = k < 0 ? s : chain[chain.length - 1 - k];
      const f = siteFn[line];
      if (fnId[f] === 0) {
        fnId[f] = ++nFn;
        newFns.push(f);
      }
      const lm = w.begin(4);
      w.uintOpt(1, fnId[f]);
      w.uintOpt(2, siteLine[line]);
      w.end(lm);
    }
    w.uintOpt(2, 1); // mapping id
    w.end(m);
    for (const f of newFns) {
      const fn = fns[f];
      w.ensure(48 + 3 * (fn.name.length + fn.file.length));
      const fm = w.begin(5);
      w.uintOpt(1, fnId[f]);
      const name = intern(fn.name);
      w.uintOpt(2, name);
      w.uintOpt(3, name);
      w.uintOpt(4, intern(fn.file));
      w.end(fm);
    }
    newFns.length = 0;
    return id;
  };

  const locOf = (site: number): number => {
    if (site < S) return siteLoc[site] || (siteLoc[site] = emitLocation(site));
    const i = site - S;
    return comboLoc[i] || (comboLoc[i] = emitLocation(site));
  };

  // --- Samples.
  const maxLogical = opts.maxDepth * MAX_INLINE + 1;
  const logSite = new Int32Array(maxLogical);
  const logNewGroup = new Uint8Array(maxLogical + 1);
  const stack = new Float64Array(opts.maxDepth);
  const seen = new Set<number>();
  const labelKeys = opts.labels ? [intern('stage'), intern('tenant')] : [];
  const rootStage = roots.map((_, i) => (i % 5 === 4 ? -1 : i % STAGES.length)); // some roots unlabelled
  const rootTenant = roots.map((_, i) => i % 2 === 0);
  const labelVals: number[] = []; // [key, str] pairs of the current sample
  let totalCpu = 0;

  for (let n = 0; n < opts.samples; n++) {
    let depth = 0;
    let labelCode = 0;
    let leaf = 0;
    for (let attempt = 0; ; attempt++) {
      // Walk from a root down the call graph until the stack has `target` locations.
      const r = Math.floor(roots.length * rand() * rand());
      const target = opts.minDepth + Math.floor((opts.maxDepth - opts.minDepth + 1) * (rand() + rand()) * 0.5);
      let f = roots[r];
      let nLog = 0;
      let phys = 1;
      let group = 1;
      logNewGroup[0] = 1;
      for (;;) {
        if (phys === target) {
          leaf = E + leafStart[f] + randInt(rand, leafStart[f + 1] - leafStart[f]);
          logSite[nLog++] = leaf;
          break;
        }
        const e0 = edgeStart[f];
        let e = e0 + Math.floor((edgeStart[f + 1] - e0) * rand() * rand());
        if (edgeInline[e] && group >= MAX_INLINE) e = e0;
        logSite[nLog++] = e;
        if (edgeInline[e]) {
          group++;
          logNewGroup[nLog] = 0;
        } else {
          phys++;
          group = 1;
          logNewGroup[nLog] = 1;
        }
        f = edgeTo[e];
      }
      // Locations leaf first: fold each group of inlined frames into one site.
      depth = 0;
      let site = -1;
      let h1 = 0x811c9dc5;
      let h2 = 0x9e3779b9;
      for (let i = nLog - 1; i >= 0; i--) {
        site = site < 0 ? logSite[i] : combo(logSite[i], site);
        if (logNewGroup[i]) {
          const id = locOf(site);
          stack[depth++] = id;
          h1 = Math.imul(h1 ^ id, 0x01000193);
          h2 = Math.imul(h2 ^ id, 0x85ebca6b) ^ (h2 >>> 13);
          site = -1;
        }
      }
      labelVals.length = 0;
      labelCode = 0;
      if (opts.labels && !heap) {
        if (rootStage[r] >= 0) {
          labelVals.push(labelKeys[0], intern(STAGES[rootStage[r]]));
          labelCode = 1 + rootStage[r];
          if (rootTenant[r] && rand() < 0.6) {
            const t = randInt(rand, TENANTS.length);
            labelVals.push(labelKeys[1], intern(TENANTS[t]));
            labelCode += 16 * (1 + t);
          }
        }
      }
      if (!unique) break;
      const key = (h1 >>> 0) * 0x200000 + ((h2 ^ labelCode) & 0x1fffff);
      if (!seen.has(key) || attempt >= 20) {
        seen.add(key);
        break;
      }
    }

    // Values: mostly 1 sample per stack, a few hot stacks with many.
    const count = rand() < 0.7 ? 1 : 2 + Math.floor(-Math.log(1 - rand()) * 4);
    w.ensure(64 + depth * 10 + labelVals.length * 12);
    const m = w.begin(2);
    if (heap) {
      const size = leafSize[leaf]; // the object size allocated at the leaf site
      const objects = count * Math.max(1, Math.round(HEAP_PERIOD / size));
      const inuse = rand() < 0.5 ? 0 : Math.floor(objects * rand());
      const pm = w.begin(2); // 4 values: packed, as Go writes more than 2
      w.varint(objects);
      w.varint(objects * size);
      w.varint(inuse);
      w.varint(inuse * size);
      w.end(pm);
      labelVals.length = 0;
      labelVals.push(intern('bytes'), -size);
    } else {
      w.uint(2, count); // 2 values: unpacked, as Go writes them
      w.uint(2, count * CPU_PERIOD);
      totalCpu += count * CPU_PERIOD;
    }
    if (depth > 2) {
      const pm = w.begin(1);
      for (let i = 0; i < depth; i++) w.varint(stack[i]);
      w.end(pm);
    } else {
      for (let i = 0; i < depth; i++) w.uint(1, stack[i]);
    }
    for (let i = 0; i < labelVals.length; i += 2) {
      const lm = w.begin(3);
      w.uintOpt(1, labelVals[i]);
      if (labelVals[i + 1] >= 0) w.uintOpt(2, labelVals[i + 1]);
      else w.uintOpt(3, -labelVals[i + 1]); // numeric label
      w.end(lm);
    }
    w.end(m);
  }

  // --- Trailer: duration (known only now), the mapping, the string table.
  w.ensure(64);
  if (!heap) w.uint(10, Math.round(totalCpu / 1.8)); // ~1.8 busy CPUs
  const textEnd = TEXT_START + F * FN_SPAN;
  const mm = w.begin(3);
  w.uint(1, 1);
  w.uint(2, MAP_START);
  w.uint(3, Math.ceil(textEnd / 0x1000) * 0x1000);
  w.uintOpt(5, intern(MAIN_BINARY));
  w.uint(7, 1); // has_functions
  w.end(mm);
  for (const s of strings) {
    w.ensure(16 + s.length * 3);
    w.string(6, s);
  }
  const out = w.bytes();
  return w.buf.length > out.length * 1.25 ? out.slice() : out;
}

// --- Command line.
function flag(args: string[], name: string): string | undefined {
  for (const a of args) {
    if (a === `--${name}`) return 'true';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

async function main(args: string[]): Promise<void> {
  const num = (name: string, def: number) => {
    const v = flag(args, name);
    if (v === undefined) return def;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: ${v}`);
    return n;
  };
  const out = flag(args, 'out');
  if (!out || out === 'true') {
    console.error('usage: npx tsx bench/gen-profile.ts --samples=N --out=FILE [--gzip] [--functions=3000] [--min-depth=8] [--max-depth=64] [--type=cpu|heap] [--labels] [--seed=1]');
    process.exit(2);
  }
  const type = flag(args, 'type') ?? 'cpu';
  if (type !== 'cpu' && type !== 'heap') throw new Error(`--type must be cpu or heap, got ${type}`);
  const opts: GenerateOptions = {
    samples: num('samples', 10000),
    functions: num('functions', 3000),
    minDepth: num('min-depth', 8),
    maxDepth: num('max-depth', 64),
    sampleTypes: type,
    labels: flag(args, 'labels') === 'true',
    seed: num('seed', 1),
  };
  const t0 = performance.now();
  const raw = generateProfile(opts);
  const t1 = performance.now();
  const gz = flag(args, 'gzip') === 'true';
  if (!gz && out.endsWith('.gz')) console.error(`note: ${out} gets uncompressed protobuf: pass --gzip to compress it`);
  const bytes = gz ? gzipSync(raw, { level: 1 }) : raw; // level 1, like runtime/pprof
  const t2 = performance.now();
  writeFileSync(out, bytes);
  const mb = (n: number) => (n / 1e6).toFixed(1) + ' MB';
  console.log(
    `${out}: ${opts.samples} samples, ${mb(raw.length)} protobuf` +
      (gz ? `, ${mb(bytes.length)} gzipped` : '') +
      `; generated in ${((t1 - t0) / 1000).toFixed(2)} s` +
      (gz ? `, gzip ${((t2 - t1) / 1000).toFixed(2)} s` : ''),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
