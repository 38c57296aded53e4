// pprof's filters edit a location's line list in place (hide drops inlined
// frames, show_from/prune_from cut it); here that is a new LocationTable with
// the same rows and new line columns.
import type { LocationTable, Profile } from '../profile/model';

/** A copy of the line columns that the filters can edit. */
export class LineEditor {
  // Per location, the kept line entries as a mask over the original entries.
  readonly keep: Uint8Array;
  changed = false;

  constructor(readonly loc: LocationTable) {
    this.keep = new Uint8Array(loc.lineFunction.length).fill(1);
  }

  /** Indexes of the kept line entries of location l (innermost first). */
  lines(l: number): number[] {
    const out: number[] = [];
    for (let j = this.loc.lineStart[l]; j < this.loc.lineStart[l + 1]; j++) if (this.keep[j]) out.push(j);
    return out;
  }

  /** Keeps only the given line entries of location l. */
  set(l: number, kept: number[]): void {
    const { lineStart } = this.loc;
    let k = 0;
    for (let j = lineStart[l]; j < lineStart[l + 1]; j++) {
      const want = k < kept.length && kept[k] === j ? 1 : 0;
      if (want) k++;
      if (this.keep[j] !== want) {
        this.keep[j] = want;
        this.changed = true;
      }
    }
  }

  done(): LocationTable {
    if (!this.changed) return this.loc;
    const loc = this.loc;
    const n = loc.count;
    const lineStart = new Uint32Array(n + 1);
    let total = 0;
    for (let j = 0; j < this.keep.length; j++) total += this.keep[j];
    const lineFunction = new Int32Array(total);
    const lineNumber = new Float64Array(total);
    const lineColumn = new Float64Array(total);
    let k = 0;
    for (let l = 0; l < n; l++) {
      lineStart[l] = k;
      for (let j = loc.lineStart[l]; j < loc.lineStart[l + 1]; j++) {
        if (!this.keep[j]) continue;
        lineFunction[k] = loc.lineFunction[j];
        lineNumber[k] = loc.lineNumber[j];
        lineColumn[k] = loc.lineColumn[j];
        k++;
      }
    }
    lineStart[n] = k;
    return { ...loc, lineStart, lineFunction, lineNumber, lineColumn };
  }
}

/** Per function: whether re matches its name or its file name (pprof's test). */
export function functionMatches(p: Profile, re: RegExp): Uint8Array {
  const f = p.functions;
  const out = new Uint8Array(f.count);
  const cache = new Map<number, boolean>();
  const test = (s: number): boolean => {
    let v = cache.get(s);
    if (v === undefined) {
      v = re.test(p.strings[s] ?? '');
      cache.set(s, v);
    }
    return v;
  };
  for (let i = 0; i < f.count; i++) out[i] = test(f.name[i]) || test(f.filename[i]) ? 1 : 0;
  return out;
}

/** Per mapping: whether re matches its file. */
export function mappingMatches(p: Profile, re: RegExp): Uint8Array {
  return Uint8Array.from(p.mappings, (m) => (re.test(p.strings[m.file] ?? '') ? 1 : 0));
}
