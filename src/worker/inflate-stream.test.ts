import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GO } from '../../test/fixtures';
import { gunzip } from '../core/profile/gunzip';
import { inflateNative } from './inflate-stream';

describe('inflateNative', () => {
  it('inflates like the core reader, reporting progress up to the whole file', async () => {
    const gz = new Uint8Array(fs.readFileSync(path.join(GO, 'large.pb.gz')));
    const seen: [number, number][] = [];
    const out = await inflateNative(gz, 1 << 30, (done, inflated) => seen.push([done, inflated]));
    // (Buffer.equals: toEqual on megabytes of typed array takes half a minute)
    expect(Buffer.from(out!).equals(Buffer.from(gunzip(gz)))).toBe(true);
    expect(seen.at(-1)).toEqual([gz.length, out!.length]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
  });
  it('gives up (null) on corrupt data and past the size cap, so the core can explain', async () => {
    const gz = new Uint8Array(fs.readFileSync(path.join(GO, 'cpu.pb.gz')));
    expect(await inflateNative(gz.subarray(0, gz.length >> 1), 1 << 30, () => {})).toBeNull();
    const big = new Uint8Array(gzipSync(Buffer.alloc(1 << 20)));
    expect(await inflateNative(big, 1000, () => {})).toBeNull();
  });
});
