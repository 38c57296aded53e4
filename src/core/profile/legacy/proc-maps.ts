// Memory maps in /proc/self/maps form and pprof's brief variants
// (google/pprof profile/legacy_profile.go: parseProcMapsFromScanner,
// parseMappingEntry, removeLoggingInfo).
import { newMapping, type LMapping } from './legacy-profile';
import type { LineScanner } from './line-scanner';

// Go RE2 classes spelled for JS: [[:xdigit:]] = [0-9A-Fa-f], \s = [\t\n\f\r ].
const S = '[\\t\\n\\f\\r ]';
const X = '[0-9A-Fa-f]';
const cHex = `(?:0x)?(${X}+)`;
const cHexRange = `${S}*${cHex}(?:${S}|-)?${S}*${cHex}:?`;
const cPerm = `(?:${S}+([-rwxp]+))?`;
const cSpaceHex = `(?:${S}+(${X}+))?`;
const hexPair = `${S}+${X}+:${X}+`;
const spaceDigits = `${S}+[0-9]+`;
const cSpaceString = `(?:${S}+([^\\t\\n\\f\\r ]+))?`;
const cSpaceAtOffset = `(?:${S}+\\(@(${X}+)\\))?`;

const procMapsRE = new RegExp(`^${cHexRange}${cPerm}${cSpaceHex}${hexPair}${spaceDigits}${cSpaceString}`);
const briefMapsRE = new RegExp(`^${cHexRange}${cPerm}${cSpaceString}${cSpaceAtOffset}${cSpaceHex}`);
const logInfoRE = /^[^[\]]+:[0-9]+\]\s/;

/** Parses the rest of the scanner as memory map lines. */
export function parseProcMaps(s: LineScanner): LMapping[] {
  const mappings: LMapping[] = [];
  const attrs: [string, string][] = [];
  while (s.scan()) {
    const line = replaceAll(removeLoggingInfo(s.text()), attrs);
    const m = parseMappingEntry(line);
    if (m === undefined) {
      // `attr=value` lines define $attr for the following lines.
      const eq = line.indexOf('=');
      if (eq >= 0) attrs.push(['$' + line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
      continue;
    }
    if (m) mappings.push(m);
  }
  return mappings;
}

function removeLoggingInfo(line: string): string {
  const m = logInfoRE.exec(line);
  return m ? line.slice(m[0].length) : line;
}

// Go's strings.NewReplacer(old1, new1, ...): left to right, first listed
// pattern wins at a position, no rescanning of replaced text.
function replaceAll(line: string, pairs: [string, string][]): string {
  if (pairs.length === 0) return line;
  let out = '';
  let i = 0;
  outer: while (i < line.length) {
    for (const [o, n] of pairs) {
      if (line.startsWith(o, i)) {
        out += n;
        i += o.length;
        continue outer;
      }
    }
    out += line[i++];
  }
  return out;
}

const MAX_U64 = (1n << 64n) - 1n;

function parseHex(s: string): bigint | null {
  if (s.length === 0) return null;
  const v = BigInt('0x' + s);
  return v > MAX_U64 ? null : v;
}

/** A mapping; null for a non-executable entry; undefined if not a mapping line. */
export function parseMappingEntry(l: string): LMapping | null | undefined {
  let start: string, end: string, perm: string, file: string, offset: string, buildId = '';
  let me = procMapsRE.exec(l);
  if (me) {
    [start, end, perm, offset, file] = [me[1], me[2], me[3] ?? '', me[4] ?? '', me[5] ?? ''];
  } else if ((me = briefMapsRE.exec(l))) {
    [start, end, perm, file, offset, buildId] = [me[1], me[2], me[3] ?? '', me[4] ?? '', me[5] ?? '', me[6] ?? ''];
  } else {
    return undefined;
  }
  if (perm !== '' && !perm.includes('x')) return null;
  const s = parseHex(start);
  const e = parseHex(end);
  if (s === null || e === null) return undefined;
  let off = 0n;
  if (offset !== '') {
    const o = parseHex(offset);
    if (o === null) return undefined;
    off = o;
  }
  return newMapping(s, e, off, file, buildId);
}
