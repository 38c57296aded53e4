// The launcher, run as npx would run it, in a copy of the package without dist/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'tsprof-bin-'));
beforeAll(() => {
  mkdirSync(path.join(tmp, 'bin'));
  copyFileSync(path.join(repo, 'bin/tsprof-web.js'), path.join(tmp, 'bin/tsprof-web.js'));
  writeFileSync(path.join(tmp, 'package.json'), '{"type":"module"}');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('bin/tsprof-web.js', () => {
  it('says how to build when dist/ is missing', () => {
    const r = spawnSync(process.execPath, [path.join(tmp, 'bin/tsprof-web.js'), '-top', 'x.pb.gz'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tsprof-web is not built: run `npm ci` (or `npm run build`) in its folder first.\n');
  });

  it('runs the built CLI’s runProcess', () => {
    mkdirSync(path.join(tmp, 'dist/cli'), { recursive: true });
    writeFileSync(
      path.join(tmp, 'dist/cli/main.js'),
      'export async function runProcess() { process.stdout.write(JSON.stringify(process.argv.slice(2))); process.exitCode = 3; }\n',
    );
    const r = spawnSync(process.execPath, [path.join(tmp, 'bin/tsprof-web.js'), '-top', 'x.pb.gz'], { encoding: 'utf8' });
    expect(r.stdout).toBe('["-top","x.pb.gz"]');
    expect(r.status).toBe(3);
  });
});
