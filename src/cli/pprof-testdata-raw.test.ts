// `-raw` of pprof's own test profiles (legacy CPU, heap, contention, thread
// and Java formats) against the real tool's output, recorded in
// testdata/pprof-raw (see its README).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PPROF_TESTDATA } from '../../test/fixtures';
import { main } from './main';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata/pprof-raw');
const goldens = readdirSync(dir).filter((f) => f.endsWith('.raw.txt'));

describe('-raw of pprof’s test profiles', () => {
  it('has the goldens', () => expect(goldens.length).toBeGreaterThanOrEqual(15));

  for (const g of goldens) {
    const input = g.slice(0, -'.raw.txt'.length);
    it(input, async () => {
      let stdout = '';
      const code = await main(['-raw', input], { stdout: (s) => (stdout += s), stderr: () => {}, cwd: PPROF_TESTDATA });
      expect(code).toBe(0);
      expect(stdout).toBe(readFileSync(path.join(dir, g), 'utf8'));
    });
  }
});
