// Java legacy profiles: the binary CPU variant, and heapz/contentionz text
// with a symbol table after the samples
// (google/pprof profile/legacy_java_profile.go).
import { ProfileError } from '../errors';
import { LocationTable, newLProfile, type LFunction, type LProfile } from './legacy-profile';
import { parseCPUSamples, type WordReader } from './cpu-binary';
import { remapFunctionIDs, remapLocationIDs, remapMappingIDs } from './remap';
import { parseHexAddresses, scaleHeapSample, goParseInt, mulInt64 } from './text-util';
import { quoteLine } from './line-scanner';

const attributeRx = /([\w ]+)=([\w ]+)/;
const javaSampleRx = / *(\d+) +(\d+) +@ +([ x0-9a-f]*)/;
// Go's `.` matches \r, JS's does not: [^\n] keeps RE2's meaning.
const javaLocationRx = /^[\t\n\f\r ]*0x([0-9A-Fa-f]+)[\t\n\f\r ]+([^\n]*)[\t\n\f\r ]*$/;
const javaLocationFileLineRx = /^([^\n]*)[\t\n\f\r ]+\(([^\n]+):(-?[0-9]+)\)$/;
const javaLocationPathRx = /^([^\n]*)[\t\n\f\r ]+\(([^\n]*)\)$/;

/** period: in nanoseconds (the header's microseconds times 1000). */
export function javaCPUProfile(r: WordReader, period: number): LProfile {
  const p = newLProfile([['samples', 'count'], ['cpu', 'nanoseconds']], ['cpu', 'nanoseconds'], period);
  const locs = parseCPUSamples(r, false, p);
  parseJavaLocations(new TextDecoder().decode(r.b.subarray(r.pos)), locs, p);
  aggregateNoAddress(p);
  return p;
}

/** A Java heapz/contentionz text profile, or null if text is not one. */
export function parseJavaProfile(text: string): LProfile | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  let pType: 'heap' | 'contention';
  switch (text.slice(0, nl).trim()) {
    case '--- heapz 1 ---':
      pType = 'heap';
      break;
    case '--- contentionz 1 ---':
      pType = 'contention';
      break;
    default:
      return null;
  }
  const p = newLProfile([], ['', ''], 0);
  const lines = new JavaLines(text, nl + 1);
  if (!parseJavaHeader(pType, lines, p)) return null;
  const locs = parseJavaSamples(pType, lines, p);
  parseJavaLocations(text.slice(lines.pos), locs, p);
  aggregateNoAddress(p);
  return p;
}

// Walks newline-terminated lines (a last line without newline is not one,
// as in pprof's loops over bytes.IndexByte).
class JavaLines {
  lineNo: number;
  constructor(
    readonly text: string,
    public pos: number,
  ) {
    this.lineNo = 2;
  }
  /** The current line, trimmed, or null when no newline follows. */
  peek(): string | null {
    const nl = this.text.indexOf('\n', this.pos);
    return nl < 0 ? null : this.text.slice(this.pos, nl).trim();
  }
  advance(): void {
    this.pos = this.text.indexOf('\n', this.pos) + 1;
    this.lineNo++;
  }
}

function parseJavaHeader(pType: string, lines: JavaLines, p: LProfile): boolean {
  for (let line = lines.peek(); line !== null; line = lines.peek()) {
    if (line !== '') {
      const h = attributeRx.exec(line);
      if (!h) return true; // not an attribute: the samples start here
      const attribute = h[1].trim();
      const value = h[2].trim();
      switch (pType + '/' + attribute) {
        case 'heap/format':
        case 'cpu/format':
        case 'contention/format':
          if (value !== 'java') return false;
          break;
        case 'heap/resolution':
          p.sampleTypes = [['inuse_objects', 'count'], ['inuse_space', value]];
          break;
        case 'contention/resolution':
          p.sampleTypes = [['contentions', 'count'], ['delay', value]];
          break;
        case 'contention/sampling period':
          p.periodType = ['contentions', 'count'];
          p.period = attrInt(value, line, lines.lineNo);
          break;
        case 'contention/ms since reset':
          p.durationNanos = attrInt(value, line, lines.lineNo) * 1000 * 1000;
          break;
        default:
          return false;
      }
    }
    lines.advance();
  }
  return true;
}

function attrInt(value: string, line: string, lineNo: number): number {
  const v = goParseInt(value, 0);
  if (v === null) {
    throw new ProfileError(`Java profile, line ${lineNo}: ${quoteLine(line)} should have an integer value.`);
  }
  return v;
}

function parseJavaSamples(pType: string, lines: JavaLines, p: LProfile): LocationTable {
  const locs = new LocationTable(p);
  for (let line = lines.peek(); line !== null; line = lines.peek()) {
    if (line !== '') {
      const sample = javaSampleRx.exec(line);
      if (!sample) return locs; // the symbol table starts here
      const where = `Java ${pType} profile, line ${lines.lineNo}`;
      const addrs = parseHexAddresses(sample[3], where);
      const v0 = goParseInt(sample[2], 0);
      const v1 = goParseInt(sample[1], 0);
      if (v0 === null || v1 === null) throw new ProfileError(`${where}: sample values out of range in ${quoteLine(line)}.`);
      const s = { locs: addrs.map((a) => locs.get(a)), values: [v0, v1], numLabels: undefined as Map<string, number[]> | undefined };
      if (pType === 'heap') {
        if (s.values[0] === 0) {
          throw new ProfileError(`${where}: the object count (second number) must not be 0 in ${quoteLine(line)}.`);
        }
        s.numLabels = new Map([['bytes', [Math.trunc(s.values[1] / s.values[0])]]]);
        s.values = scaleHeapSample(s.values[0], s.values[1], 524288);
      } else if (p.period !== 0) {
        s.values = [mulInt64(s.values[0], p.period), mulInt64(s.values[1], p.period)];
      }
      p.samples.push(s);
    }
    lines.advance();
  }
  return locs;
}

/** Symbol lines `0x<addr> function (file:line)` name the locations. */
export function parseJavaLocations(text: string, locs: LocationTable, p: LProfile): void {
  const fns = new Map<string, LFunction>();
  for (let line of text.split('\n')) {
    line = line.trim();
    if (line === '') continue;
    const jloc = javaLocationRx.exec(line);
    if (!jloc) continue;
    const addr = BigInt('0x' + jloc[1]);
    if (addr >= 1n << 64n) throw new ProfileError(`Java profile: address 0x${jloc[1]} does not fit in 64 bits.`);
    const loc = locs.byAddress.get(addr);
    if (!loc) continue;
    let lineFunc: string;
    let lineFile = '';
    let lineNo = 0;
    let m: RegExpExecArray | null;
    if ((m = javaLocationFileLineRx.exec(jloc[2]))) {
      lineFunc = m[1];
      lineFile = m[2];
      const n = goParseInt(m[3], 10);
      if (n !== null && n > 0) lineNo = n;
    } else if ((m = javaLocationPathRx.exec(jloc[2]))) {
      // A shared library path: only its base name is interesting.
      lineFunc = m[1];
      lineFile = goBase(m[2]);
    } else if (jloc[2].includes('generated stub/JIT')) {
      lineFunc = 'STUB';
    } else {
      lineFunc = jloc[2]; // agent states such as "GC" or "VM"
    }
    let fn = fns.get(lineFunc);
    if (!fn) {
      fn = { id: 0, name: lineFunc, systemName: lineFunc, filename: lineFile, startLine: 0 };
      fns.set(lineFunc, fn);
      p.functions.push(fn);
    }
    loc.lines = [{ fn, line: lineNo }];
    loc.address = 0n;
  }
  remapLocationIDs(p);
  remapFunctionIDs(p);
  remapMappingIDs(p);
}

// Go's filepath.Base on a Unix path.
function goBase(path: string): string {
  if (path === '') return '.';
  path = path.replace(/\/+$/, '');
  if (path === '') return '/';
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

// pprof's Aggregate(true, true, true, true, false): addresses dropped.
function aggregateNoAddress(p: LProfile): void {
  for (const l of p.locations) l.address = 0n;
}
