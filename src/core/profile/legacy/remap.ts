// pprof's post-processing of legacy profiles: attaching a memory map,
// massageMappings, renumbering locations/functions/mappings
// (google/pprof profile/profile.go and legacy_profile.go).
import { type LMapping, type LProfile, type LLocation, type LFunction } from './legacy-profile';
import { parseProcMaps } from './proc-maps';
import { isMemoryMapSentinel, type LineScanner } from './line-scanner';

/** Go's ParseMemoryMapFromScanner: parses the maps, then renumbers everything. */
export function parseMemoryMap(p: LProfile, s: LineScanner): void {
  p.mappings.push(...parseProcMaps(s));
  massageMappings(p);
  remapLocationIDs(p);
  remapFunctionIDs(p);
  remapMappingIDs(p);
}

/** Go's parseAdditionalSections: skip to the memory map sentinel, then parse it. */
export function parseAdditionalSections(s: LineScanner, p: LProfile): void {
  while (!isMemoryMapSentinel(s.text()) && s.scan()) {
    /* skip */
  }
  parseMemoryMap(p, s);
}

const libRx = /([.]so$|[.]so[._][0-9]+)/;

export function massageMappings(p: LProfile): void {
  // Merge adjacent regions with matching names, checking that offsets match.
  if (p.mappings.length > 1) {
    const mappings = [p.mappings[0]];
    for (const m of p.mappings.slice(1)) {
      const lm = mappings[mappings.length - 1];
      if (adjacent(lm, m)) {
        lm.limit = m.limit;
        if (m.file !== '') lm.file = m.file;
        if (m.buildId !== '') lm.buildId = m.buildId;
        for (const l of p.locations) if (l.mapping === m) l.mapping = lm;
        continue;
      }
      mappings.push(m);
    }
    p.mappings = mappings;
  }
  // Move what looks like the main binary to the front.
  for (let i = 0; i < p.mappings.length; i++) {
    const file = p.mappings[i].file.replaceAll('(deleted)', '').trim();
    if (file.length === 0 || libRx.test(file) || file[0] === '[') continue;
    [p.mappings[0], p.mappings[i]] = [p.mappings[i], p.mappings[0]];
    break;
  }
  p.mappings.forEach((m, i) => (m.id = i + 1));
}

function adjacent(m1: LMapping, m2: LMapping): boolean {
  if (m1.file !== '' && m2.file !== '' && m1.file !== m2.file) return false;
  if (m1.buildId !== '' && m2.buildId !== '' && m1.buildId !== m2.buildId) return false;
  if (m1.limit !== m2.start) return false;
  if (m1.offset !== 0n && m2.offset !== 0n) {
    const offset = BigInt.asUintN(64, m1.offset + (m1.limit - m1.start));
    if (offset !== m2.offset) return false;
  }
  return true;
}

/** Locations become exactly those referenced by samples, numbered by first use. */
export function remapLocationIDs(p: LProfile): void {
  const seen = new Set<LLocation>();
  const locs: LLocation[] = [];
  for (const s of p.samples) {
    for (const l of s.locs) {
      if (seen.has(l)) continue;
      l.id = locs.length + 1;
      locs.push(l);
      seen.add(l);
    }
  }
  p.locations = locs;
}

export function remapFunctionIDs(p: LProfile): void {
  const seen = new Set<LFunction>();
  const fns: LFunction[] = [];
  for (const l of p.locations) {
    for (const ln of l.lines) {
      const fn = ln.fn;
      if (!fn || seen.has(fn)) continue;
      fn.id = fns.length + 1;
      fns.push(fn);
      seen.add(fn);
    }
  }
  p.functions = fns;
}

const U64_MAX = (1n << 64n) - 1n;
const sub64 = (a: bigint, b: bigint): bigint => BigInt.asUintN(64, a - b);

export function remapMappingIDs(p: LProfile): void {
  // Drop a leading /anon_hugepage mapping adjacent to the next one.
  if (p.mappings.length > 0) {
    const m = p.mappings[0];
    if (m.file.startsWith('/anon_hugepage') && p.mappings.length > 1 && m.limit === p.mappings[1].start) {
      p.mappings = p.mappings.slice(1);
    }
  }
  // A main mapping that ends up at 0x400000 once its offset is removed.
  if (p.mappings.length > 0) {
    const m = p.mappings[0];
    if (sub64(m.start, m.offset) === 0x400000n) {
      m.start = 0x400000n;
      m.offset = 0n;
    }
  }
  let fake: LMapping | null = null;
  next: for (const l of p.locations) {
    const a = l.address;
    if (l.mapping || a === 0n) continue;
    for (const m of p.mappings) {
      if (m.start <= a && a < m.limit) {
        l.mapping = m;
        continue next;
      }
    }
    // Legacy handlers may drop the first part of a mapping split in two.
    for (const m of p.mappings) {
      if (m.offset !== 0n && sub64(m.start, m.offset) <= a && a < m.start) {
        m.start = sub64(m.start, m.offset);
        m.offset = 0n;
        l.mapping = m;
        continue next;
      }
    }
    // Go's legacy handlers wrote no mappings: one fake mapping covers all.
    if (!fake) {
      fake = {
        id: 1, start: 0n, limit: U64_MAX, offset: 0n, file: '', buildId: '',
        hasFunctions: false, hasFilenames: false, hasLineNumbers: false, hasInlineFrames: false,
      };
      p.mappings.push(fake);
    }
    l.mapping = fake;
  }
  p.mappings.forEach((m, i) => (m.id = i + 1));
}

/**
 * The leaf may be duplicated (from the signal context and from unwinding,
 * the latter adjusted by -1): drop the duplicate. Changes samples only.
 */
export function cleanupDuplicateLocations(p: LProfile): void {
  for (const s of p.samples) {
    if (s.locs.length > 1 && s.locs[0].address === BigInt.asUintN(64, s.locs[1].address + 1n)) {
      s.locs.splice(1, 1);
    }
  }
}
