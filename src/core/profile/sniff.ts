// Says what an input looks like when no reader accepts it, so the error tells
// the person what they gave us (an execution trace, a web page, an image...)
// and what we do read.

/** The formats parseProfile reads, for error messages. */
export const READABLE_FORMATS =
  'pprof protobuf profiles (gzipped or not); Go heap, goroutine, threadcreate, mutex and block profiles in ' +
  'debug=1 text; Go goroutine dumps (debug=2); gperftools CPU profiles and heap, contention and thread text ' +
  'profiles; Java CPU, heap and contention profiles';

export type InputKind =
  | 'empty'
  | 'go-trace'
  | 'gzip'
  | 'zip'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'pdf'
  | 'elf'
  | 'compressed'
  | 'html'
  | 'xml'
  | 'json'
  | 'text'
  | 'binary';

export interface InputDescription {
  kind: InputKind;
  /** A phrase: "a Go execution trace", "an HTML page", ... */
  what: string;
  /** Advice for this kind of input, or ''. */
  hint: string;
}

function startsWith(b: Uint8Array, sig: ArrayLike<number>, at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** The first bytes as text (latin1 is enough for signatures). */
function head(b: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i]);
  return s;
}

/** True when the first 4 KiB are text: UTF-8 without control bytes other than tab, CR, LF, FF. */
export function isText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
    else if (c === 0x7f) bad++;
  }
  if (bad > 0) return false;
  try {
    // A cut in the middle of a multi-byte character at the 4 KiB border is fine.
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, n === b.length ? n : Math.max(0, n - 4)));
    return true;
  } catch {
    return false;
  }
}

/** The first non-empty line, shortened and quoted, for messages. */
export function firstLine(b: Uint8Array): string {
  const text = new TextDecoder().decode(b.subarray(0, 512));
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const short = line.length > 60 ? `${line.slice(0, 60)}...` : line;
  return JSON.stringify(short);
}

/** Classifies an input that no reader accepted. */
export function describeInput(b: Uint8Array): InputDescription {
  if (b.length === 0) return { kind: 'empty', what: 'empty (0 bytes)', hint: 'The file is empty: the profile was not written, or the download failed.' };
  const h = head(b, 64);
  if (/^go 1\.\d+ trace\0/.test(h)) {
    return {
      kind: 'go-trace',
      what: `a Go execution trace ("${h.slice(0, h.indexOf('\0'))}" header)`,
      hint: 'Execution traces (from runtime/trace or /debug/pprof/trace) are not profiles: open them with "go tool trace".',
    };
  }
  if (startsWith(b, [0x1f, 0x8b])) return { kind: 'gzip', what: 'gzip data', hint: '' };
  if (startsWith(b, ascii('PK\x03\x04')) || startsWith(b, ascii('PK\x05\x06'))) {
    return { kind: 'zip', what: 'a zip archive', hint: 'Extract the profile from the archive and open that file.' };
  }
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png', what: 'a PNG image', hint: 'Images are not profiles.' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', what: 'a JPEG image', hint: 'Images are not profiles.' };
  if (h.startsWith('GIF87a') || h.startsWith('GIF89a')) return { kind: 'gif', what: 'a GIF image', hint: 'Images are not profiles.' };
  if (h.startsWith('%PDF-')) return { kind: 'pdf', what: 'a PDF document', hint: '' };
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) {
    return { kind: 'elf', what: 'an ELF executable or library', hint: 'This is a program, not a profile: open the profile file it wrote.' };
  }
  if (h.startsWith('BZh') || startsWith(b, [0x28, 0xb5, 0x2f, 0xfd]) || startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) {
    return { kind: 'compressed', what: 'bzip2, zstd or xz compressed data', hint: 'Decompress it first (only gzip is read directly).' };
  }
  if (isText(b)) {
    const t = new TextDecoder().decode(b.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
    const lower = t.slice(0, 256).toLowerCase();
    if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || lower.startsWith('<head') || lower.startsWith('<body') || /<html[\s>]/.test(lower)) {
      return {
        kind: 'html',
        what: 'an HTML page',
        hint: 'If it came from a URL, that URL served a web page (an index or a login page?) instead of the profile, e.g. /debug/pprof/ instead of /debug/pprof/profile.',
      };
    }
    if (lower.startsWith('<?xml') || lower.startsWith('<svg')) return { kind: 'xml', what: 'an XML or SVG document', hint: '' };
    if (t.startsWith('{') || t.startsWith('[')) {
      return { kind: 'json', what: 'JSON', hint: 'JSON profiles (e.g. Chrome or V8 .cpuprofile) are not read; convert them to pprof protobuf first.' };
    }
    return { kind: 'text', what: `text that is not a known profile format (first line: ${firstLine(b)})`, hint: '' };
  }
  return { kind: 'binary', what: `binary data of an unknown format (first bytes: ${hex(b, 8)})`, hint: '' };
}

function hex(b: Uint8Array, n: number): string {
  return Array.from(b.subarray(0, n), (x) => x.toString(16).padStart(2, '0')).join(' ');
}

/** The message for an input that nothing reads. */
export function unrecognizedMessage(b: Uint8Array, gzipped = false): string {
  const d = describeInput(b);
  const what = gzipped ? `gzip data holding ${d.what}` : d.what;
  return `unrecognized profile format: the input is ${what}.${d.hint ? ` ${d.hint}` : ''} tsprof-web reads ${READABLE_FORMATS}.`;
}
