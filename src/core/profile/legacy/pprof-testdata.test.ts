// pprof's own parser test (TestParse in google/pprof profile/profile_test.go):
// parse X, compare String() with X.string, write as protobuf, read it back,
// compare again.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PPROF_TESTDATA } from '../../../../test/fixtures';
import { parseLegacy } from './index';
import { profileToString } from '../to-string';
import { encodeProto } from '../encode-proto';
import { decodeProto } from '../decode-proto';
import { validateProfile } from '../validate';

const inputs = fs
  .readdirSync(PPROF_TESTDATA)
  .filter((f) => f.endsWith('.string'))
  .map((f) => f.slice(0, -'.string'.length))
  .filter((x) => fs.existsSync(path.join(PPROF_TESTDATA, x)))
  .sort();

// The .string goldens come from current google/pprof, which prints line
// columns (`file:line:column`).
const opts = { columns: true };

describe('legacy readers vs pprof testdata', () => {
  it('finds the testdata', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(14);
  });

  it.each(inputs)('%s', (x) => {
    const want = fs.readFileSync(path.join(PPROF_TESTDATA, x + '.string'), 'utf8');
    const p = parseLegacy(new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, x))));
    expect(p).not.toBeNull();
    expect(profileToString(p!, opts)).toBe(want);
    validateProfile(p!);

    const back = decodeProto(encodeProto(p!));
    expect(profileToString(back, opts)).toBe(want);
  });

  it('sets pprof drop_frames/keep_frames by profile kind', () => {
    const heap = parseLegacy(new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, 'cppbench.heap'))))!;
    expect(heap.strings[heap.dropFrames]).toMatch(/^calloc\|cfree\|malloc\|/);
    expect(heap.strings[heap.keepFrames]).toBe('runtime\\.panic|runtime\\.reflectcall|runtime\\.call[0-9]*');
    const cont = parseLegacy(new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, 'cppbench.contention'))))!;
    expect(cont.strings[cont.dropFrames]).toMatch(/^RecordLockProfileData\|/);
    expect(cont.keepFrames).toBe(0);
    const cpu = parseLegacy(new Uint8Array(fs.readFileSync(path.join(PPROF_TESTDATA, 'cppbench.cpu'))))!;
    expect(cpu.strings[cpu.dropFrames]).toBe(
      'ProfileData::Add|ProfileData::prof_handler|CpuProfiler::prof_handler|__pthread_sighandler|__restore',
    );
  });

  it('leaves protobuf profiles to the protobuf reader', () => {
    for (const f of ['large.cpu', 'sample.cpu']) {
      const b = fs.readFileSync(path.join(PPROF_TESTDATA, f));
      expect(parseLegacy(new Uint8Array(b))).toBeNull();
    }
  });
});
