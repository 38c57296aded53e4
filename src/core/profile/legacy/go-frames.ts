// Beyond pprof: Go's debug=1 texts (heap, allocs, goroutine, threadcreate,
// block, mutex) follow each sample line with `#` comment lines that pprof
// ignores:
//
//   #	0x4b3f5a	example.com/x/store.(*Store).Put+0x5a	example.com/x/store/store.go:41
//   # labels: {"pool":"ingest"}
//
// and the heap text ends with a `# runtime.MemStats` block. We use them:
// each printed frame names the location at its address (function name with
// the +0x offset removed, file, line), labels become string labels of the
// sample, and the MemStats block becomes profile comments, one per line
// without the leading "# " ("runtime.MemStats", "Alloc = 43494488", ...).
// Sample values, locations and their ids stay exactly pprof's.
//
// The runtime prints frames via runtime.CallersFrames, leaf first, hiding
// leading runtime.* frames and runtime.goexit, and prints pc-1 for a return
// address (so it equals pprof's adjusted location address). We align the
// frames to the stack greedily; an address hidden in one sample is still
// named if another sample printed it.
//
// The one hidden frame we can name is the root: once a frame is printed every
// later one is too, except runtime.goexit, so an unprinted last address after
// a printed frame is runtime.goexit. It must be named: pprof prunes the heap
// formats with drop_frames `runtime\..*`, keeping only what lies above the
// first "user" frame from the root, and an unnamed goexit counts as user, so
// every heap stack was cut down to that one <unknown> frame.
import type { LFunction, LProfile, LSample } from './legacy-profile';
import { remapFunctionIDs } from './remap';

interface Frame {
  pc: bigint;
  name: string;
  file: string;
  line: number;
}

const frameRE = /^#\s*0x([0-9a-fA-F]+)\s+(\S+)\s+(.*):(\d+)\s*$/;
// A frame the runtime could not name: printed as its PC alone.
const barePCRE = /^#\s*0x([0-9a-fA-F]+)\s*$/;
const labelsRE = /^#\s*labels:\s*(\{.*\})\s*$/;
const memStatsRE = /^#\s*runtime\.MemStats\s*$/;

export class GoFrameComments {
  private frames: Frame[] = [];
  private current: LSample | null = null;
  private readonly byAddress = new Map<bigint, Frame>();
  private readonly goexit = new Set<bigint>(); // addresses of the hidden runtime.goexit
  private inMemStats = false;
  private readonly comments: string[] = [];

  /** A trimmed comment (or blank) line of the sample section. */
  comment(line: string): void {
    if (!line.startsWith('#')) return;
    if (this.inMemStats || memStatsRE.test(line)) {
      this.inMemStats = true;
      this.comments.push(line.replace(/^#\s?/, ''));
      return;
    }
    const frame = parseFrame(line);
    if (frame) {
      this.frames.push(frame);
      return;
    }
    const l = labelsRE.exec(line);
    if (l && this.current) {
      const labels = parseGoLabels(l[1]);
      if (labels.size > 0) this.current.labels = labels;
    }
  }

  /** A new sample line was read. */
  sample(s: LSample): void {
    this.flush();
    this.current = s;
  }

  private flush(): void {
    const locs = this.current?.locs ?? [];
    let j = 0;
    let lastMatched = -1;
    for (let i = 0; i < locs.length; i++) {
      const loc = locs[i];
      if (j >= this.frames.length) break;
      const f = this.frames[j];
      if (f.pc === loc.address || f.pc === loc.address + 1n) {
        if (f.name !== '' && !this.byAddress.has(loc.address)) this.byAddress.set(loc.address, f);
        lastMatched = i;
        j++;
      }
    }
    // Every printed frame aligned, and only the root address is left over.
    if (this.frames.length > 0 && j === this.frames.length && lastMatched === locs.length - 2) {
      this.goexit.add(locs[locs.length - 1].address);
    }
    this.frames = [];
  }

  /** After the sample section: keeps the MemStats block as comments. */
  finish(p: LProfile): void {
    this.flush();
    p.comments.push(...this.comments);
  }

  /** After pprof's renumbering: names the locations, adds their functions. */
  symbolize(p: LProfile): void {
    if (this.byAddress.size === 0) return;
    const fns = new Map<string, LFunction>();
    for (const l of p.locations) {
      let f = this.byAddress.get(l.address);
      if (!f && this.goexit.has(l.address)) f = { pc: l.address, name: 'runtime.goexit', file: '', line: 0 };
      if (!f || l.lines.length > 0) continue;
      const key = f.name + '\u0000' + f.file;
      let fn = fns.get(key);
      if (!fn) {
        fn = { id: 0, name: f.name, systemName: f.name, filename: f.file, startLine: 0 };
        fns.set(key, fn);
      }
      l.lines = [{ fn, line: f.line }];
      if (l.mapping) {
        l.mapping.hasFunctions = true;
        l.mapping.hasFilenames = true;
        l.mapping.hasLineNumbers = true;
      }
    }
    remapFunctionIDs(p);
  }
}

// The same frame lines repeat in many samples: parse each once.
const frameCache = new Map<string, Frame | null>();

function parseFrame(line: string): Frame | null {
  let f = frameCache.get(line);
  if (f === undefined) {
    const m = frameRE.exec(line);
    const bare = m ? null : barePCRE.exec(line);
    f = m
      ? { pc: BigInt('0x' + m[1]), name: m[2].replace(/\+0x[0-9a-fA-F]+$/, ''), file: m[3], line: Number(m[4]) }
      : bare
        ? { pc: BigInt('0x' + bare[1]), name: '', file: '', line: 0 }
        : null;
    if (frameCache.size >= 1 << 14) frameCache.clear();
    frameCache.set(line, f);
  }
  return f;
}

/** Go's labelMap.String(): `{"k":"v", "k2":"v2"}` with %q quoting. */
export function parseGoLabels(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const pair = /"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  for (const m of text.matchAll(pair)) {
    const k = unquoteGo(m[1]);
    const v = unquoteGo(m[2]);
    const vs = out.get(k);
    if (vs) vs.push(v);
    else out.set(k, [v]);
  }
  return out;
}

// Go's strconv.Quote escapes, decoded (\n \t \\ \" \xNN \uNNNN \UNNNNNNNN ...).
function unquoteGo(s: string): string {
  if (!s.includes('\\')) return s;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39 };
  for (let i = 0; i < s.length; i++) {
    const c = String.fromCodePoint(s.codePointAt(i)!);
    if (c !== '\\' || i + 1 >= s.length) {
      bytes.push(...enc.encode(c));
      i += c.length - 1;
      continue;
    }
    const e = s[++i];
    if (e in simple) bytes.push(simple[e]);
    else if (e === 'x') {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16) || 0);
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      bytes.push(...enc.encode(String.fromCodePoint(parseInt(s.slice(i + 1, i + 1 + n), 16) || 0xfffd)));
      i += n;
    } else bytes.push(...enc.encode(e));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
