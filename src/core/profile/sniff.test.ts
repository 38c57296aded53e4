import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GO } from '../../../test/fixtures';
import { describeInput, isText, READABLE_FORMATS, unrecognizedMessage } from './sniff';

const te = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('describeInput', () => {
  it('recognizes a Go execution trace', () => {
    const d = describeInput(new Uint8Array(readFileSync(path.join(GO, 'trace.out'))));
    expect(d.kind).toBe('go-trace');
    expect(d.what).toBe('a Go execution trace ("go 1.19 trace" header)');
    expect(d.hint).toMatch(/go tool trace/);
  });

  it('recognizes common non-profile files', () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(0), 'empty'],
      [te('{"nodes": [], "startTime": 0}'), 'json'],
      [te('\n  [1, 2, 3]'), 'json'],
      [te('<!DOCTYPE html>\n<html><body>login</body></html>'), 'html'],
      [te('\uFEFF<html lang="en">'), 'html'],
      [te('<?xml version="1.0"?><svg/>'), 'xml'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'png'],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'jpeg'],
      [te('GIF89a\x01\x00'), 'gif'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]), 'zip'],
      [new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), 'elf'],
      [new Uint8Array([0x1f, 0x8b, 8, 0]), 'gzip'],
      [new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0]), 'compressed'],
      [te('%PDF-1.7\n'), 'pdf'],
      [te('just some words\nand more\n'), 'text'],
      [new Uint8Array([0x00, 0x13, 0xf7, 0x42, 0x99, 0x01]), 'binary'],
    ];
    for (const [bytes, kind] of cases) expect(describeInput(bytes).kind, kind).toBe(kind);
  });

  it('quotes the first line of unknown text and the first bytes of unknown binary', () => {
    expect(describeInput(te('\n\nhello "world"\nsecond')).what).toBe('text that is not a known profile format (first line: "hello \\"world\\"")');
    expect(describeInput(new Uint8Array([0, 1, 2, 255])).what).toBe('binary data of an unknown format (first bytes: 00 01 02 ff)');
  });

  it('treats control bytes and broken UTF-8 as binary', () => {
    expect(isText(te('abc\tdef\r\n'))).toBe(true);
    expect(isText(new Uint8Array([0x61, 0x00, 0x62]))).toBe(false);
    expect(isText(new Uint8Array([0x61, 0xc3, 0x28]))).toBe(false);
    expect(isText(te('naïve café'))).toBe(true);
  });

  it('builds a message that says what the input is and lists what is read', () => {
    const m = unrecognizedMessage(te('<html></html>'));
    expect(m).toMatch(/^unrecognized profile format: the input is an HTML page\. If it came from a URL/);
    expect(m).toContain(READABLE_FORMATS);
    expect(READABLE_FORMATS).toMatch(/pprof protobuf.*gzipped.*debug=1.*debug=2.*gperftools CPU.*heap, contention and thread.*Java/);
    expect(unrecognizedMessage(te('{}'), true)).toMatch(/the input is gzip data holding JSON\./);
    expect(unrecognizedMessage(new Uint8Array(0))).toMatch(/the input is empty \(0 bytes\)/);
  });
});
