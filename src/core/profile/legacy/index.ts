// The legacy (non-protobuf) profile formats pprof reads, tried in pprof's
// order (google/pprof profile/profile.go: parseLegacy), plus Go's goroutine
// debug=2 dump, which pprof refuses.
//
// parseLegacy returns null quickly when the bytes are none of these formats
// (binary data, JSON, a Go execution trace...), and throws ProfileError when
// the input clearly is one of them but is malformed.
import { ProfileError } from '../errors';
import type { Profile } from '../model';
import { Miss, toProfile, type LProfile } from './legacy-profile';
import { parseCPU, sniffCPU } from './cpu-binary';
import { isHeapHeader, parseHeap } from './heap';
import { isGoCountHeader, parseGoCount } from './go-count';
import { isThreadHeader, parseThread } from './thread';
import { isContentionHeader, parseContention } from './contention';
import { parseJavaProfile } from './java';
import { looksLikeGoroutineDump, parseGoroutineDump } from './goroutine-dump';
import { addLegacyFrameInfo } from './frame-info';
import { isSpaceOrComment } from './line-scanner';

const SNIFF_BYTES = 64 * 1024;

export function parseLegacy(bytes: Uint8Array): Profile | null {
  const p = parseLegacyProfile(bytes);
  return p ? toProfile(p) : null;
}

/** The legacy profile before conversion to the columnar model. */
export function parseLegacyProfile(bytes: Uint8Array): LProfile | null {
  if (bytes.length === 0) return null;
  if (sniffCPU(bytes)) {
    const p = parseCPU(bytes)!;
    addLegacyFrameInfo(p);
    return p;
  }
  const whole = bytes.length <= SNIFF_BYTES;
  const head = new TextDecoder().decode(whole ? bytes : bytes.subarray(0, SNIFF_BYTES));
  if (!looksLikeLegacyText(head, whole)) return null;
  const text = whole ? head : new TextDecoder().decode(bytes);

  let diagnosis: string | null = null;
  const pprofParsers = [parseHeap, parseGoCount, parseThread, parseContention, parseJavaProfile];
  for (const parse of pprofParsers) {
    const r = parse(text);
    if (r instanceof Miss) diagnosis ??= r.diagnosis;
    else if (r) {
      addLegacyFrameInfo(r);
      return r;
    }
  }
  const dump = parseGoroutineDump(text);
  if (dump) return dump;
  if (diagnosis) throw new ProfileError(diagnosis);
  return null;
}

// Cheap test on the first lines: does any legacy reader claim this text?
function looksLikeLegacyText(head: string, whole: boolean): boolean {
  const nl = head.indexOf('\n');
  const first = (nl < 0 ? head : head.slice(0, nl)).replace(/\r$/, '');
  if (isHeapHeader(first) || isContentionHeader(first)) return true;
  const t = first.trim();
  if (nl >= 0 && (t === '--- heapz 1 ---' || t === '--- contentionz 1 ---')) return true;
  if (looksLikeGoroutineDump(head)) return true;
  const lines = head.split('\n');
  if (!whole) lines.pop(); // may be cut short
  if (lines.length === 0) return false; // no line end in the first 64 KiB: not text we read
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (isSpaceOrComment(line)) continue;
    return isGoCountHeader(line) || isThreadHeader(line);
  }
  return !whole; // only comments so far: let the readers decide
}
