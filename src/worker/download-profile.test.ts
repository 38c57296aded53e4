import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { parseProfile } from '../core/profile/parse';
import { runTextReport } from '../core/report/index';
import { downloadName, downloadProfile } from './download-profile';

describe('downloadProfile', () => {
  it('re-encodes the profile as gzipped proto that reads back to the same report', async () => {
    const p = parseProfile(new Uint8Array(fs.readFileSync(path.join(GO, 'heap.pb.gz'))));
    const r = await downloadProfile(p, 'heap.pb.gz');
    if (!r.ok) throw new Error(r.message);
    expect(r.fileName).toBe('heap.pb.gz');
    const bytes = new Uint8Array(r.bytes);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const back = parseProfile(bytes);
    for (const si of ['alloc_space', 'inuse_objects']) {
      const golden = fs.readFileSync(path.join(GO, `heap/sample_index-${si}.top.txt`), 'utf8');
      expect(runTextReport('top', back, { sampleIndex: si }).stdout).toBe(golden);
    }
  });
  it('names the file after the opened one', () => {
    expect(downloadName('cpu.pb.gz')).toBe('cpu.pb.gz');
    expect(downloadName('heap.debug1.txt')).toBe('heap.debug1.pb.gz');
    expect(downloadName('profile')).toBe('profile.pb.gz');
    expect(downloadName('x.prof')).toBe('x.pb.gz');
  });
});
