// Go's count profiles in debug=1 text: `goroutine profile: total 89`,
// `threadcreate profile: total 10`, then `N @ 0x... 0x...` lines
// (google/pprof profile/legacy_profile.go: parseGoCount). The `#` frame and
// `# labels:` comments are read too (see go-frames.ts).
import { ProfileError } from '../errors';
import { decAddr, LocationTable, newLProfile, type LProfile, type LSample } from './legacy-profile';
import { isSpaceOrComment, LineScanner, quoteLine } from './line-scanner';
import { parseAdditionalSections } from './remap';
import { goParseInt, hexToBigInt } from './text-util';
import { GoFrameComments } from './go-frames';

const countStartRE = /^(\S+) profile: total \d+$/;
const countRE = /^(\d+) @((?: 0x[0-9a-f]+)+)$/;
// Beyond pprof: Go writes `N @` for a record with an empty stack
// (threadcreate does); pprof rejects the file, we keep the sample.
const emptyCountRE = /^(\d+) @ *$/;

/** The first non-comment line is a count profile header. */
export function isGoCountHeader(line: string): boolean {
  return countStartRE.test(line);
}

export function parseGoCount(text: string): LProfile | null {
  const s = new LineScanner(text);
  while (s.scan() && isSpaceOrComment(s.text())) {
    /* skip leading comments */
  }
  const m = countStartRE.exec(s.text());
  if (!m) return null;
  const profileType = m[1];
  const p = newLProfile([[profileType, 'count']], [profileType, 'count'], 1);
  const locs = new LocationTable(p);
  const frames = new GoFrameComments();
  while (s.scan()) {
    const line = s.text();
    if (isSpaceOrComment(line)) {
      frames.comment(line.trim());
      continue;
    }
    if (line.startsWith('---')) break;
    const c = countRE.exec(line) ?? emptyCountRE.exec(line);
    const n = c ? goParseInt(c[1], 0) : null;
    if (!c || n === null) {
      throw new ProfileError(
        `${profileType} profile, line ${s.lineNo}: expected "<count> @ 0x<address> ...", got ${quoteLine(line)}. ` +
          'The file may be truncated or edited.',
      );
    }
    const addrs = (c[2] ?? '').trim().split(' ').filter((x) => x !== '');
    const sloc = addrs.map((a) => {
      const v = hexToBigInt(a);
      if (v >= 1n << 64n) {
        throw new ProfileError(`${profileType} profile, line ${s.lineNo}: address ${a} does not fit in 64 bits.`);
      }
      return locs.get(decAddr(v));
    });
    const sample: LSample = { locs: sloc, values: [n] };
    p.samples.push(sample);
    frames.sample(sample);
  }
  frames.finish(p);
  parseAdditionalSections(s, p);
  frames.symbolize(p);
  return p;
}
