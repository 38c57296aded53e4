// Damaged input, many ways: bits flipped, bytes overwritten, cut short, a
// run of bytes removed, an overlong varint inserted, in the protobuf and in
// the legacy texts. Whatever the damage, reading either gives a profile that
// every report can print, or a ProfileError (the CLI prints its message; a
// page shows it in an alert), never another exception. Seeded: the same
// inputs on every run; a failure names its case so it can be replayed.
// (decode-proto.test.ts damages the protobuf decoder alone; this goes through
// parseProfile, gzip and the legacy readers included, and the reports.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GO } from '../../../test/fixtures';
import { runTextReport } from '../report/index';
import { mulberry32 } from '../../../bench/prng';
import { ProfileError } from './errors';
import { parseProfile } from './parse';

const PROTOS = ['cpu.pb.gz', 'heap.pb.gz', 'goroutine.pb.gz', 'mutex.pb.gz', 'threadcreate.pb.gz', 'heap.delta.pb.gz'];
const TEXTS = ['heap.debug1.txt', 'goroutine.debug1.txt', 'goroutine.debug2.txt'];
const CASES_PER_FILE = 40;

type Mutation = (b: Uint8Array, r: () => number) => Uint8Array;
const at = (b: Uint8Array, r: () => number) => Math.floor(r() * b.length);
function concat(...parts: ArrayLike<number>[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  let off = 0;
  for (const x of parts) {
    out.set(x, off);
    off += x.length;
  }
  return out;
}

const MUTATIONS: Record<string, Mutation> = {
  'flip bits': (b, r) => {
    const c = b.slice();
    for (let k = 0; k < 1 + r() * 4; k++) c[at(c, r)] ^= 1 << Math.floor(r() * 8);
    return c;
  },
  'overwrite a byte': (b, r) => {
    const c = b.slice();
    c[at(c, r)] = Math.floor(r() * 256);
    return c;
  },
  'cut short': (b, r) => b.slice(0, at(b, r)),
  'remove a run': (b, r) => {
    const i = at(b, r);
    return concat(b.subarray(0, i), b.subarray(i + 1 + Math.floor(r() * 40)));
  },
  'insert an overlong varint': (b, r) => {
    const i = at(b, r);
    return concat(b.subarray(0, i), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], b.subarray(i));
  },
};

/** What reading and reporting gave: 'profile', or the ProfileError's message. */
function readAndReport(bytes: Uint8Array): string {
  let p;
  try {
    p = parseProfile(bytes);
  } catch (e) {
    if (e instanceof ProfileError) return e.message;
    throw e;
  }
  for (const kind of ['top', 'traces', 'dot', 'tags'] as const) {
    const r = runTextReport(kind, p, {});
    if (r.exitCode !== 0) expect(r.stderr).not.toBe('');
  }
  return 'profile';
}

describe('damaged input', () => {
  for (const file of [...PROTOS, ...TEXTS]) {
    it(`${file}: a profile or a ProfileError, for ${CASES_PER_FILE} damaged copies`, () => {
      const original = readFileSync(path.join(GO, file));
      const plain = new Uint8Array(file.endsWith('.gz') ? gunzipSync(original) : original);
      const r = mulberry32(file.length * 7919 + plain.length);
      const names = Object.keys(MUTATIONS);
      let refused = 0;
      for (let i = 0; i < CASES_PER_FILE; i++) {
        const name = names[i % names.length];
        let bytes = MUTATIONS[name](plain, r);
        if (file.endsWith('.gz') && i % 3 === 0) bytes = new Uint8Array(gzipSync(bytes));
        let outcome: string;
        try {
          outcome = readAndReport(bytes);
        } catch (e) {
          throw new Error(`${file}, case ${i} (${name}): ${String(e)}`);
        }
        expect(outcome, `${file}, case ${i} (${name}): an error says what is wrong`).not.toBe('');
        if (outcome !== 'profile') refused++;
      }
      // The damage is real: most damaged protobuf copies are refused.
      if (file.endsWith('.gz')) expect(refused).toBeGreaterThan(CASES_PER_FILE / 2);
    });
  }
});
