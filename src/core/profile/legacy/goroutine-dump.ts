// Beyond pprof: Go's goroutine debug=2 dump (the panic-style traceback of
// every goroutine), read as a goroutine profile. pprof refuses this format.
//
//   goroutine 18 [IO wait, 5 minutes, locked to thread]:
//   internal/poll.runtime_pollWait(0x7f6d, 0x72)
//   	runtime/netpoll.go:305 +0x89
//   ...additional frames elided...
//   created by net/http.(*Server).Serve in goroutine 1
//   	net/http/server.go:3086 +0x5cb
//
// Decisions (what a user comparing with the protobuf goroutine profile wants):
// - sample type goroutine/count (period 1), one count per goroutine, grouped
//   by identical stack and labels; samples in order of first appearance.
// - labels: `state` = the status before the first comma ("IO wait",
//   "chan receive", "running", "sync.Cond.Wait"...); `wait` = the minutes
//   as a number with unit "minutes" when present; `locked_to_thread` =
//   "true" when present; `created_by` = the creating function.
// - the `created by` frame is NOT part of the stack (the protobuf profile
//   has no such frame, and it was not a caller); it is the label above.
// - `...additional frames elided...` / `...N frames elided...` becomes a
//   frame named "...additional frames elided..." so the cut stays visible.
// - a crash message before the first goroutine (panic: ..., fatal error: ...)
//   is skipped.
// - frames carry function (arguments removed), file and line; a frame
//   printed without `+0x` offset is an inlined call: it becomes an inline
//   line of the next (calling) frame's location, as in the protobuf profile.
//   There are no addresses (0) and no mappings. Lines that fit no pattern
//   are skipped.
import { newLProfile, type LFunction, type LLocation, type LProfile, type LSample } from './legacy-profile';
import { LineScanner } from './line-scanner';

const headerRE = /^goroutine (\d+)(?: [^[]*)? \[(.*)\]:\s*$/;
const fileLineRE = /^\t(.*):(\d+)( \+0x[0-9a-fA-F]+)?(?: fp=.*)?\s*$/;
const createdByRE = /^created by (.+?)(?: in goroutine \d+)?\s*$/;
const elidedRE = /^\.\.\.(?:additional frames elided|\d+ frames elided)\.\.\.\s*$/;
const minutesRE = /^(\d+) minutes?$/;

export const ELIDED_FRAME = '...additional frames elided...';

// A crash (panic, fatal error, SIGQUIT) prints its message before the dump.
const crashRE = /^(?:panic: |fatal error: |SIG[A-Z]+: |runtime: )/;

/** The text starts with a goroutine header, or with a crash message followed by one. */
export function looksLikeGoroutineDump(text: string): boolean {
  const m = /^\s*(.*)$/m.exec(text);
  if (!m) return false;
  const first = m[1].replace(/\r$/, '');
  if (headerRE.test(first)) return true;
  return crashRE.test(first) && /^goroutine \d+(?: [^[\n]*)? \[.*\]:\r?$/m.test(text);
}

interface Frame {
  name: string;
  file: string;
  line: number;
  /** No `+0x` pc offset: the runtime prints inlined calls this way. */
  inlined: boolean;
}

interface Goroutine {
  frames: Frame[];
  labels: Map<string, string[]>;
  numLabels: Map<string, number[]>;
  numUnits: Map<string, string[]>;
}

export function parseGoroutineDump(text: string): LProfile | null {
  if (!looksLikeGoroutineDump(text)) return null;
  const s = new LineScanner(text);
  s.scan();

  const goroutines: Goroutine[] = [];
  let g: Goroutine | null = null;
  let pending: Frame | null = null; // a function line waiting for its file line
  let inCreatedBy = false;
  const flush = (): void => {
    if (pending && g && !inCreatedBy) g.frames.push(pending);
    pending = null;
    inCreatedBy = false;
  };
  do {
    const line = s.text();
    const h = headerRE.exec(line);
    if (h) {
      flush();
      g = newGoroutine(h[2]);
      goroutines.push(g);
      continue;
    }
    if (!g) continue;
    const fl = fileLineRE.exec(line);
    if (fl) {
      if (pending) {
        pending.file = fl[1];
        pending.line = Number(fl[2]);
        pending.inlined = fl[3] === undefined;
      }
      flush();
      continue;
    }
    flush();
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const cb = createdByRE.exec(trimmed);
    if (cb) {
      g.labels.set('created_by', [cb[1]]);
      pending = { name: cb[1], file: '', line: 0, inlined: false };
      inCreatedBy = true;
      continue;
    }
    if (elidedRE.test(trimmed)) {
      g.frames.push({ name: ELIDED_FRAME, file: '', line: 0, inlined: false });
      continue;
    }
    const name = functionName(trimmed);
    if (name !== null) pending = { name, file: '', line: 0, inlined: false };
  } while (s.scan());
  flush();
  return buildProfile(goroutines);
}

function newGoroutine(status: string): Goroutine {
  const g: Goroutine = { frames: [], labels: new Map(), numLabels: new Map(), numUnits: new Map() };
  const parts = status.split(', ');
  g.labels.set('state', [parts[0]]);
  for (const part of parts.slice(1)) {
    const m = minutesRE.exec(part);
    if (m) {
      g.numLabels.set('wait', [Number(m[1])]);
      g.numUnits.set('wait', ['minutes']);
    } else if (part === 'locked to thread') {
      g.labels.set('locked_to_thread', ['true']);
    }
  }
  return g;
}

/** `pkg.(*T).m(0x1, {0x2, 0x3})` -> `pkg.(*T).m`; null if not a call line. */
export function functionName(line: string): string | null {
  if (!line.endsWith(')')) return null;
  let depth = 0;
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i];
    if (c === ')') depth++;
    else if (c === '(') {
      depth--;
      if (depth === 0) return i > 0 ? line.slice(0, i) : null;
    }
  }
  return null;
}

function buildProfile(goroutines: Goroutine[]): LProfile {
  const p = newLProfile([['goroutine', 'count']], ['goroutine', 'count'], 1);
  const fns = new Map<string, LFunction>();
  const locs = new Map<string, LLocation>();
  const groups = new Map<string, LSample>();
  const fnOf = (f: Frame): LFunction => {
    const key = `${f.name}\u0000${f.file}`;
    let fn = fns.get(key);
    if (!fn) {
      fn = { id: fns.size + 1, name: f.name, systemName: f.name, filename: f.file, startLine: 0 };
      fns.set(key, fn);
      p.functions.push(fn);
    }
    return fn;
  };
  // One location per physical frame, its inlined callees first (leaf-most
  // first, as profile.proto orders a location's lines).
  const locOf = (frames: Frame[]): LLocation => {
    const key = frames.map((f) => `${f.name}\u0000${f.file}\u0000${f.line}`).join('\u0001');
    let loc = locs.get(key);
    if (!loc) {
      loc = { id: locs.size + 1, address: 0n, mapping: null, lines: frames.map((f) => ({ fn: fnOf(f), line: f.line })) };
      locs.set(key, loc);
      p.locations.push(loc);
    }
    return loc;
  };
  for (const g of goroutines) {
    const stack: LLocation[] = [];
    let group: Frame[] = [];
    for (const f of g.frames) {
      group.push(f);
      if (!f.inlined) {
        stack.push(locOf(group));
        group = [];
      }
    }
    for (const f of group) stack.push(locOf([f])); // inlined frames left without a caller
    const key = stack.map((l) => l.id).join(',') + '|' + labelKey(g);
    const s = groups.get(key);
    if (s) {
      s.values[0]++;
      continue;
    }
    const sample: LSample = { locs: stack, values: [1], labels: g.labels };
    if (g.numLabels.size > 0) {
      sample.numLabels = g.numLabels;
      sample.numUnits = g.numUnits;
    }
    groups.set(key, sample);
    p.samples.push(sample);
  }
  return p;
}

function labelKey(g: Goroutine): string {
  const parts: string[] = [];
  for (const [k, v] of g.labels) parts.push(`${k}=${v.join('\u0001')}`);
  for (const [k, v] of g.numLabels) parts.push(`${k}#${v.join('\u0001')}`);
  return parts.sort().join('\u0002');
}
