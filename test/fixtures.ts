// Where the shared fixtures live: beside the clone, as in CI (../shared/fixtures),
// unless TSPROF_FIXTURES names another folder.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = process.env.TSPROF_FIXTURES ?? path.resolve(here, '../../shared/fixtures');
export const GO = path.join(FIXTURES, 'go');
export const PPROF_TESTDATA = path.join(FIXTURES, 'pprof-testdata');
