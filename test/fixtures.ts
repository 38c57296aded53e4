// Where the shared fixtures live: beside the clone, as in CI (../shared/fixtures),
// unless TSPROF_FIXTURES names another folder.
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = process.env.TSPROF_FIXTURES ?? path.resolve(here, '../../shared/fixtures');
export const GO = path.join(FIXTURES, 'go');
export const PPROF_TESTDATA = path.join(FIXTURES, 'pprof-testdata');

/** One entry of go/manifest.json: a golden file and the pprof argv that made it. */
export interface ManifestEntry {
  golden: string;
  argv: string[];
  exit_code: number;
  stderr: string | null;
  unstable_line_order?: boolean;
}

/** The entries of go/manifest.json (see ../shared/fixtures/README.md). */
export function readManifest(): ManifestEntry[] {
  return (JSON.parse(fs.readFileSync(path.join(GO, 'manifest.json'), 'utf8')) as { entries: ManifestEntry[] }).entries;
}
