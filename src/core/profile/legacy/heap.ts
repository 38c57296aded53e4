// Legacy heap text: `heap profile: N: B [N: B] @ heap_v2/524288` (also
// `@ heap/R`, `@ heapz_v2`, `@ heapprofile`, `@ growthz`, `@ fragmentationz`),
// one `inuse: bytes [alloc: bytes] @ addrs` line per sample, then an optional
// memory map (google/pprof profile/legacy_profile.go: parseHeap).
import { ProfileError } from '../errors';
import { decAddr, LocationTable, Miss, newLProfile, type LProfile, type LSample } from './legacy-profile';
import { isMemoryMapSentinel, isSpaceOrComment, LineScanner, quoteLine } from './line-scanner';
import { parseAdditionalSections } from './remap';
import { goParseInt, parseHexAddresses, scaleHeapSample } from './text-util';
import { GoFrameComments } from './go-frames';

const heapHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *(heap[_a-z0-9]*)\/?(\d*)/;
const heapSampleRE = /(-?\d+): *(-?\d+) *\[ *(\d+): *(\d+) *] @([ x0-9a-f]*)/;
const growthHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ growthz?/;
const fragmentationHeaderRE = /heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] @ fragmentationz?/;

export function isHeapHeader(line: string): boolean {
  return heapHeaderRE.test(line) || growthHeaderRE.test(line) || fragmentationHeaderRE.test(line);
}

export function parseHeap(text: string): LProfile | Miss | null {
  const s = new LineScanner(text);
  if (!s.scan()) return null;
  const line = s.text();
  let sampling = '';
  let hasAlloc = false;
  let period: number;
  if (heapHeaderRE.test(line)) {
    const h = parseHeapHeader(line);
    if (!h) {
      return new Miss(
        `heap profile, line 1: unknown header ${quoteLine(line)}: expected "@ heap/<rate>", "@ heap_v2/<rate>", ` +
          '"@ heapz_v2/<rate>" or "@ heapprofile".',
      );
    }
    ({ sampling, period, hasAlloc } = h);
  } else if (growthHeaderRE.test(line) || fragmentationHeaderRE.test(line)) {
    period = 1;
  } else {
    return null;
  }
  const p = newLProfile(
    hasAlloc
      ? [['alloc_objects', 'count'], ['alloc_space', 'bytes'], ['inuse_objects', 'count'], ['inuse_space', 'bytes']]
      : [['objects', 'count'], ['space', 'bytes']],
    ['space', 'bytes'],
    period,
  );

  const locs = new LocationTable(p);
  const frames = new GoFrameComments();
  while (s.scan()) {
    const line = s.text().trim();
    if (isSpaceOrComment(line)) {
      frames.comment(line);
      continue;
    }
    if (isMemoryMapSentinel(line)) break;
    const { value, blocksize, addrs } = parseHeapSample(line, s.lineNo, p.period, sampling, hasAlloc);
    // Return addresses point after the call: step back onto it.
    const sample: LSample = {
      locs: addrs.map((a) => locs.get(decAddr(a))),
      values: value,
      numLabels: new Map([['bytes', [blocksize]]]),
    };
    p.samples.push(sample);
    frames.sample(sample);
  }
  frames.finish(p);
  parseAdditionalSections(s, p);
  frames.symbolize(p);
  return p;
}

function parseHeapHeader(line: string): { sampling: string; period: number; hasAlloc: boolean } | null {
  const h = heapHeaderRE.exec(line)!;
  let period = 0;
  if (h[6].length > 0) {
    const v = goParseInt(h[6], 10);
    if (v === null) return null;
    period = v;
  }
  const hasAlloc = (h[3] !== h[1] && h[3] !== '0') || (h[4] !== h[2] && h[4] !== '0');
  switch (h[5]) {
    case 'heapz_v2':
    case 'heap_v2':
      return { sampling: 'v2', period, hasAlloc };
    case 'heapprofile':
      return { sampling: '', period: 1, hasAlloc };
    case 'heap':
      // Go's runtime writes 2*MemProfileRate after `heap/`.
      return { sampling: 'v2', period: Math.trunc(period / 2), hasAlloc };
    default:
      return null;
  }
}

function parseHeapSample(
  line: string,
  lineNo: number,
  rate: number,
  sampling: string,
  includeAlloc: boolean,
): { value: number[]; blocksize: number; addrs: bigint[] } {
  const where = `heap profile, line ${lineNo}`;
  const d = heapSampleRE.exec(line);
  if (!d) {
    throw new ProfileError(
      `${where}: expected a sample like "1: 4096 [2: 8192] @ 0x4a1b2c 0x4a0f00", got ${quoteLine(line)}. ` +
        'The file may be truncated or edited.',
    );
  }
  const value: number[] = [];
  let blocksize = 0;
  const addValues = (countString: string, sizeString: string, label: string): void => {
    let count = goParseInt(countString, 10);
    let size = goParseInt(sizeString, 10);
    if (count === null || size === null) {
      throw new ProfileError(`${where}: ${label} count or size out of range in ${quoteLine(line)}.`);
    }
    if (count === 0 && size !== 0) {
      throw new ProfileError(`${where}: ${label} count was 0 but ${label} bytes was ${size} in ${quoteLine(line)}.`);
    }
    if (count !== 0) {
      blocksize = Math.trunc(size / count);
      if (sampling === 'v2') [count, size] = scaleHeapSample(count, size, rate);
    }
    value.push(count, size);
  };
  if (includeAlloc) addValues(d[3], d[4], 'allocation');
  addValues(d[1], d[2], 'inuse');
  return { value, blocksize, addrs: parseHexAddresses(d[5], where) };
}
