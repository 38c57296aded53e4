// Replays every entry of the Go fixtures' manifest.json through main(),
// in-process, with the manifest's folder as cwd: stdout must equal the golden
// (as sorted lines where pprof itself is unstable), stderr the recorded file,
// and the exit code the recorded one. `.proto.gz` goldens are decoded and
// compared as profiles. Entries listed in test/conformance-pending.txt are
// not implemented yet: they run as `it.fails`, so one that starts passing
// turns the suite red until it is removed from the list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProfile } from '../core/profile/parse';
import { profileToString } from '../core/profile/to-string';
import { GO, readManifest, type ManifestEntry } from '../../test/fixtures';
import { main } from './main';

type Entry = ManifestEntry;

const manifest = { entries: readManifest() };
const here = path.dirname(fileURLToPath(import.meta.url));
const pending = new Set(
  readFileSync(path.resolve(here, '../../test/conformance-pending.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#')),
);

async function run(argv: string[]): Promise<{ stdout: string; stderr: string; bytes: Uint8Array[]; code: number }> {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdoutBytes: (b) => bytes.push(b),
    cwd: GO,
  });
  return { stdout, stderr, bytes, code };
}

const sortedLines = (s: string): string[] => s.split('\n').sort();

describe('conformance with go tool pprof (Go 1.19.8)', () => {
  it('knows every pending entry', () => {
    const names = new Set(manifest.entries.map((e) => e.golden));
    expect([...pending].filter((p) => !names.has(p))).toEqual([]);
  });

  for (const e of manifest.entries) {
    const test = pending.has(e.golden) ? it.fails : it;
    test(e.golden, { timeout: 120_000 }, async () => {
      // argv is ["go", "tool", "pprof", ...flags and sources].
      const r = await run(e.argv.slice(3));
      const goldenPath = path.join(GO, e.golden);
      if (e.golden.endsWith('.proto.gz')) {
        expect(r.bytes.length).toBe(1);
        const want = profileToString(parseProfile(readFileSync(goldenPath)));
        expect(profileToString(parseProfile(r.bytes[0]))).toBe(want);
      } else {
        const want = readFileSync(goldenPath, 'utf8');
        if (e.unstable_line_order) expect(sortedLines(r.stdout)).toEqual(sortedLines(want));
        else expect(r.stdout).toBe(want);
      }
      const wantErr = e.stderr === null ? '' : readFileSync(path.join(GO, e.stderr), 'utf8');
      expect(r.stderr).toBe(wantErr);
      expect(r.code).toBe(e.exit_code);
    });
  }
});
