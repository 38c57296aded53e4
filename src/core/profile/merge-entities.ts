// The entity half of pprof's profile.Merge (profile/merge.go, Go 1.19):
// mappings, functions and locations are deduplicated by content and numbered
// 1..n in order of first use. There are few of them (thousands, against a
// million samples), so their keys may be strings; the per-source memo tables
// (source row -> merged row) are typed arrays, read once per stack frame.
import type { ProfileBuilder } from './builder';
import { str, type Profile } from './model';

interface MapInfo {
  m: number; // merged mapping index
  offset: bigint; // added to addresses of the source mapping
}

export class EntityMerger {
  private locations = new Map<string, number>();
  private functions = new Map<string, number>();
  private mappings = new Map<string, number>();
  private src: Profile | null = null;
  // Per-source memo tables, by source row index (-1 = not mapped yet).
  private locMemo: Int32Array = new Int32Array(0);
  private fnMemo: Int32Array = new Int32Array(0);
  private mapMemo: (MapInfo | undefined)[] = [];
  private strMemo: Int32Array = new Int32Array(0);
  private texts: string[] = []; // merged string id -> text

  constructor(private readonly b: ProfileBuilder) {}

  /** Starts a source; returns its location memo (source row -> merged index), filled as frames are mapped. */
  startSource(src: Profile): Int32Array {
    this.src = src;
    this.locMemo = new Int32Array(src.locations.count).fill(-1);
    this.fnMemo = new Int32Array(src.functions.count).fill(-1);
    this.mapMemo = new Array(src.mappings.length);
    this.strMemo = new Int32Array(src.strings.length).fill(-1);
    // The first mapping of a profile is its main binary: keep it first.
    if (this.b.mappings.length === 0 && src.mappings.length > 0) this.mapMapping(0);
    return this.locMemo;
  }

  private mapMapping(mi: number): MapInfo {
    const known = this.mapMemo[mi];
    if (known) return known;
    const src = this.src!;
    const sm = src.mappings[mi];
    const key = mappingKey(src, mi);
    const existing = this.mappings.get(key);
    if (existing !== undefined) {
      const info = { m: existing, offset: this.b.mappings[existing].start - sm.start };
      this.mapMemo[mi] = info;
      return info;
    }
    const idx = this.b.addMapping({
      id: this.b.mappings.length + 1,
      start: sm.start,
      limit: sm.limit,
      offset: sm.offset,
      file: this.b.string(str(src, sm.file)),
      buildId: this.b.string(str(src, sm.buildId)),
      hasFunctions: sm.hasFunctions,
      hasFilenames: sm.hasFilenames,
      hasLineNumbers: sm.hasLineNumbers,
      hasInlineFrames: sm.hasInlineFrames,
    });
    this.mappings.set(key, idx);
    const info = { m: idx, offset: 0n };
    this.mapMemo[mi] = info;
    return info;
  }

  private mapFunction(fi: number): number {
    if (fi < 0) return -1;
    const known = this.fnMemo[fi];
    if (known >= 0) return known;
    const src = this.src!;
    const f = src.functions;
    // Key on merged string ids: each distinct (possibly long) name is hashed
    // once. Interning name, system name, file in that order is what
    // addFunction would do, so the string table comes out the same.
    const name = this.mergedString(f.name[fi]);
    const sys = this.mergedString(f.systemName[fi]);
    const file = this.mergedString(f.filename[fi]);
    const start = f.startLine[fi];
    const key = `${start}|${name}|${sys}|${file}`;
    let out = this.functions.get(key);
    if (out === undefined) {
      const t = this.texts;
      out = this.b.addFunction(t[name], t[sys], t[file], start);
      this.functions.set(key, out);
    }
    this.fnMemo[fi] = out;
    return out;
  }

  private mergedString(si: number): number {
    let out = this.strMemo[si];
    if (out < 0) {
      const text = str(this.src!, si);
      out = this.strMemo[si] = this.b.string(text);
      this.texts[out] = text;
    }
    return out;
  }

  /** The merged index of source location li (adding it on first use). */
  mapLocation(li: number): number {
    const known = this.locMemo[li];
    if (known >= 0) return known;
    const src = this.src!;
    const L = src.locations;
    let mapping = -1;
    let offset = 0n;
    if (L.mapping[li] >= 0) {
      const info = this.mapMapping(L.mapping[li]);
      mapping = info.m;
      offset = info.offset;
    }
    const address = BigInt.asUintN(64, L.address[li] + offset);
    const lines = [];
    for (let k = L.lineStart[li]; k < L.lineStart[li + 1]; k++) {
      lines.push({ function: this.mapFunction(L.lineFunction[k]), line: L.lineNumber[k], column: L.lineColumn[k] });
    }
    const folded = L.isFolded[li] === 1;
    // Key on the address relative to the mapping start (address space
    // randomization) and on the merged mapping and function ids.
    const m = mapping >= 0 ? this.b.mappings[mapping] : undefined;
    const rel = m ? BigInt.asUintN(64, address - m.start) : address;
    let key = `${rel.toString(16)}|${m ? m.id : 0}|${folded ? 1 : 0}`;
    for (const ln of lines) key += `|${ln.function >= 0 ? ln.function + 1 : ''}:${ln.line}`;
    let out = this.locations.get(key);
    if (out === undefined) {
      out = this.b.addLocation(address, mapping, lines, folded);
      this.locations.set(key, out);
    }
    this.locMemo[li] = out;
    return out;
  }
}

// pprof's mapping key: size rounded up to 4 KiB, offset, and build id or file.
export function mappingKey(p: Profile, mi: number): string {
  const m = p.mappings[mi];
  let size = BigInt.asUintN(64, m.limit - m.start);
  size = BigInt.asUintN(64, size + 0xfffn);
  size -= size % 0x1000n;
  const buildId = str(p, m.buildId);
  const who = buildId !== '' ? buildId : str(p, m.file);
  return `${size.toString(16)}|${m.offset.toString(16)}|${who}`;
}
