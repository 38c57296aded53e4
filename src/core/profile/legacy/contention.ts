// Contention text: `--- contentionz 1 ---` (C++), `--- mutex:` and
// `--- contention:` (Go's debug=1 mutex and block profiles): attributes
// (`cycles/second = N`, `sampling period = N`, `ms since reset = N`), then
// `<delay> <count> @ 0x...` lines (google/pprof profile/legacy_profile.go:
// parseContention). Go's `#` frame comments name the locations.
import { decAddr, LocationTable, Miss, newLProfile, type LProfile, type LSample } from './legacy-profile';
import { isSpaceOrComment, LineScanner, quoteLine } from './line-scanner';
import { parseAdditionalSections } from './remap';
import { goParseInt, mulInt64, parseHexAddresses } from './text-util';
import { GoFrameComments } from './go-frames';

const contentionSampleRE = /(\d+) *(\d+) @([ x0-9a-f]*)/;

export function isContentionHeader(line: string): boolean {
  return line.startsWith('--- contentionz ') || line.startsWith('--- mutex:') || line.startsWith('--- contention:');
}

export function parseContention(text: string): LProfile | Miss | null {
  const s = new LineScanner(text);
  if (!s.scan() || !isContentionHeader(s.text())) return null;
  const p = newLProfile([['contentions', 'count'], ['delay', 'nanoseconds']], ['contentions', 'count'], 1);

  let cpuHz = 0;
  while (s.scan()) {
    const line = s.text().trim();
    if (isSpaceOrComment(line)) continue;
    if (line.startsWith('---')) break;
    const eq = line.indexOf('=');
    if (eq < 0) break; // the first sample
    const key = line.slice(0, eq).trim();
    const val = line.slice(eq + 1).trim();
    const int = (): number | null => goParseInt(val, 0);
    switch (key) {
      case 'cycles/second': {
        const v = int();
        if (v === null) return new Miss(badAttr(s.lineNo, line));
        cpuHz = v;
        break;
      }
      case 'sampling period': {
        const v = int();
        if (v === null) return new Miss(badAttr(s.lineNo, line));
        p.period = v;
        break;
      }
      case 'ms since reset': {
        const v = int();
        if (v === null) return new Miss(badAttr(s.lineNo, line));
        p.durationNanos = v * 1000 * 1000;
        break;
      }
      case 'format':
      case 'resolution':
        return null; // Java contention profiles have these (see java.ts)
      case 'discarded samples':
        break;
      default:
        return new Miss(`contention profile, line ${s.lineNo}: unknown attribute ${quoteLine(key)}.`);
    }
  }

  const locs = new LocationTable(p);
  const frames = new GoFrameComments();
  for (;;) {
    const line = s.text().trim();
    if (line.startsWith('---')) break;
    if (isSpaceOrComment(line)) {
      frames.comment(line);
    } else {
      const d = contentionSampleRE.exec(line);
      if (!d) {
        return new Miss(
          `contention profile, line ${s.lineNo}: expected "<delay> <count> @ 0x<address> ...", got ${quoteLine(line)}.`,
        );
      }
      let v1 = goParseInt(d[1], 10);
      let v2 = goParseInt(d[2], 10);
      if (v1 === null || v2 === null) {
        return new Miss(`contention profile, line ${s.lineNo}: numbers out of range in ${quoteLine(line)}.`);
      }
      // Unsample: delays from cycles to nanoseconds, counts by the period.
      if (p.period > 0) {
        if (cpuHz > 0) v1 = Math.trunc((v1 * p.period) / (cpuHz / 1e9));
        v2 = mulInt64(v2, p.period);
      }
      const addrs = parseHexAddresses(d[3], `contention profile, line ${s.lineNo}`);
      const sample: LSample = { locs: addrs.map((a) => locs.get(decAddr(a))), values: [v2, v1] };
      p.samples.push(sample);
      frames.sample(sample);
    }
    if (!s.scan()) break;
  }
  frames.finish(p);
  parseAdditionalSections(s, p);
  frames.symbolize(p);
  return p;
}

function badAttr(lineNo: number, line: string): string {
  return `contention profile, line ${lineNo}: ${quoteLine(line)} should have an integer value.`;
}
