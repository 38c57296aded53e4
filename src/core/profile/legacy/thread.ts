// Thread dumps: `--- threadz 1 ---`, then per thread
// `--- Thread 7f79... (name: main/14748) stack: ---` and lines holding its
// addresses (the `creator:` addresses included), `same as previous thread`
// markers, then an optional memory map
// (google/pprof profile/legacy_profile.go: parseThread).
import { LocationTable, Miss, newLProfile, type LProfile } from './legacy-profile';
import { isMemoryMapSentinel, isSpaceOrComment, LineScanner, quoteLine } from './line-scanner';
import { cleanupDuplicateLocations, parseAdditionalSections } from './remap';
import { parseHexAddresses } from './text-util';

const threadzStartRE = /--- threadz \d+ ---/;
const threadStartRE = /--- Thread ([0-9A-Fa-f]+) \(name: ([^\n]*)\/(\d+)\) stack: ---/;

export function isThreadHeader(line: string): boolean {
  return threadzStartRE.test(line) || threadStartRE.test(line);
}

export function parseThread(text: string): LProfile | Miss | null {
  const s = new LineScanner(text);
  while (s.scan() && isSpaceOrComment(s.text())) {
    /* skip leading comments */
  }
  let line = s.text();
  if (threadzStartRE.test(line)) {
    // Skip the comments up to the first stack.
    while (s.scan()) {
      line = s.text();
      if (isMemoryMapSentinel(line) || line.startsWith('-')) break;
    }
  } else if (!threadStartRE.test(line)) {
    return null;
  }

  const p = newLProfile([['thread', 'count']], ['thread', 'count'], 1);
  const locs = new LocationTable(p);
  while (!isMemoryMapSentinel(line)) {
    if (line.startsWith('---- no stack trace for')) {
      line = '';
      break;
    }
    if (!threadStartRE.test(line)) {
      return new Miss(
        `thread dump, line ${s.lineNo}: expected "--- Thread <id> (name: <name>/<tid>) stack: ---", got ${quoteLine(line)}.`,
      );
    }
    const r = parseThreadSample(s);
    line = r.next;
    if (r.addrs === null || r.addrs.length === 0) {
      // "same as previous thread" (or no stack): one more of the last sample.
      if (p.samples.length > 0) p.samples[p.samples.length - 1].values[0]++;
      continue;
    }
    // All but the leaf are return addresses: step back onto the call.
    const sloc = r.addrs.map((a, i) => locs.get(i > 0 ? BigInt.asUintN(64, a - 1n) : a));
    p.samples.push({ locs: sloc, values: [1] });
  }
  parseAdditionalSections(s, p);
  cleanupDuplicateLocations(p);
  return p;
}

// One thread's stack: the line after it, and its addresses (null when
// marked as the same as the previous thread).
function parseThreadSample(s: LineScanner): { next: string; addrs: bigint[] | null } {
  let line = '';
  let sameAsPrevious = false;
  const addrs: bigint[] = [];
  while (s.scan()) {
    line = s.text().trim();
    if (line === '') continue;
    if (line.startsWith('---')) break;
    if (line.includes('same as previous thread')) {
      sameAsPrevious = true;
      continue;
    }
    addrs.push(...parseHexAddresses(line, `thread dump, line ${s.lineNo}`));
  }
  return { next: line, addrs: sameAsPrevious ? null : addrs };
}
