import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { parseProfile } from '../core/profile/parse';
import { makeSourceFiles, profileFileNames } from './source-files';

const cpu = parseProfile(readFileSync(path.join(GO, 'cpu.pb.gz')));
const ENCODE_GO = 'example.com/workload/internal/encode/encode.go';

describe('source files of the profile', () => {
  it('lists the functions’ file names as the -raw golden prints them', () => {
    const names = profileFileNames(cpu);
    const raw = readFileSync(path.join(GO, 'cpu/raw.txt'), 'utf8');
    const fromRaw = new Set([...raw.matchAll(/ (\S+):\d+ s=\d+$/gm)].map((m) => m[1]));
    expect(names).toEqual(fromRaw);
    expect(names.has(ENCODE_GO)).toBe(true);
  });

  it('reads only the profile’s files, with -source_path and -trim_path', () => {
    const s = makeSourceFiles(cpu, 'source/workload', '', GO);
    const a = s.get(ENCODE_GO);
    expect(a.status).toBe(200);
    if (a.status === 200) expect(a.path).toBe('source/workload/internal/encode/encode.go');
    expect(s.anyReadable()).toBe(true);
    expect(s.get('source/workload/go.mod').status).toBe(404);
    expect(s.get('../workload/go.mod').status).toBe(400);
    expect(s.get(path.join(GO, 'source/workload/go.mod')).status).toBe(400);
    expect(s.get('C:\\x\\y.go').status).toBe(400);
  });

  it('says nothing is readable when the search path lacks the files', () => {
    const s = makeSourceFiles(cpu, 'no/such/dir', '', GO);
    expect(s.anyReadable()).toBe(false);
    const a = s.get(ENCODE_GO);
    expect(a.status).toBe(404);
    expect(makeSourceFiles(null, '.', '', GO).anyReadable()).toBe(false);
  });
});
