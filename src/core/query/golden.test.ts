// Replays the manifest entries about the query layer, -traces and -tags
// against the goldens recorded from `go tool pprof` (Go 1.19.8), byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO, readManifest, type ManifestEntry } from '../../../test/fixtures';
import { parseCliArgs } from '../../cli/cli-args';
import { loadProfiles } from '../profile/combine';
import { parseProfile } from '../profile/parse';
import type { Profile } from '../profile/model';
import { runTextReport, type TextReportKind } from '../report/index';

type Entry = ManifestEntry;

const manifest = { entries: readManifest() };

// The entries this layer is responsible for.
const MINE = /(^|\/)(diff_base\.)?(traces|tags)\.txt$|\/(focus|ignore|hide|show|tagfocus|sample_index)-[^/]*\.top\.txt$|^errors\/(bad-sample_index|focus-nomatch)\.top\.txt$/;
const entries = manifest.entries.filter((e) => MINE.test(e.golden));

const cache = new Map<string, Profile>();
function load(file: string): Profile {
  let p = cache.get(file);
  if (!p) {
    p = parseProfile(new Uint8Array(readFileSync(path.join(GO, file))));
    cache.set(file, p);
  }
  return p;
}

function run(argv: string[]): { stdout: string; stderr: string; exitCode: number } {
  const a = parseCliArgs(argv);
  const kind = a.report!.kind as TextReportKind;
  const p = loadProfiles(a.sources.map(load), a.bases.map(load), { diffBase: a.diffBase, normalize: a.normalize });
  const r = runTextReport(kind, p, a.options, {});
  return { ...r, stderr: a.warnings.map((w) => w + '\n').join('') + r.stderr };
}

describe('query goldens', () => {
  it('covers the entries of the manifest', () => {
    expect(entries.length).toBeGreaterThan(100);
  });
  for (const e of entries) {
    it(e.golden, () => {
      const got = run(e.argv.slice(3));
      const want = readFileSync(path.join(GO, e.golden), 'utf8');
      const wantErr = e.stderr ? readFileSync(path.join(GO, e.stderr), 'utf8') : '';
      if (e.unstable_line_order) {
        expect(got.stdout.split('\n').sort()).toEqual(want.split('\n').sort());
      } else {
        expect(got.stdout).toBe(want);
      }
      expect(got.stderr).toBe(wantErr);
      expect(got.exitCode).toBe(e.exit_code);
    });
  }
});
