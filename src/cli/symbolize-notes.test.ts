import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileBuilder } from '../core/profile/builder';
import { encodeProto } from '../core/profile/encode-proto';
import type { Profile } from '../core/profile/model';
import { runMain } from './http-test-client';
import { localSymbolizationNotes, openBinaryError } from './symbolize-notes';

// A Go CPU profile whose main mapping lacks HasFunctions, as the runtime
// writes it when one sample's PC could not be symbolized (x_cgo_mmap in a
// cgo-linked binary), plus a [vdso] mapping that pprof never opens.
function cgoProfile(opts: { mainHasFunctions: boolean; file?: string; buildId?: string }): Profile {
  const b = new ProfileBuilder();
  b.addSampleType('samples', 'count');
  b.addSampleType('cpu', 'nanoseconds');
  b.periodType = b.valueType('cpu', 'nanoseconds');
  b.period = 10_000_000;
  const m = b.addMapping({
    start: 0x400000n,
    limit: 0x69f000n,
    file: b.string(opts.file ?? '/srv/shopd/bin/shopd'),
    buildId: b.string(opts.buildId ?? ''),
    hasFunctions: opts.mainHasFunctions,
  });
  const vdso = b.addMapping({ start: 0x7ffd0000n, limit: 0x7ffd2000n, file: b.string('[vdso]') });
  const main = b.addFunction('main.main', 'main.main', 'example.org/shop/main.go');
  const mmap = b.addFunction('x_cgo_mmap', 'x_cgo_mmap', '?');
  const l1 = b.addLocation(0x401000n, m, [{ function: main, line: 12 }]);
  const l2 = b.addLocation(0x401573n, m, [{ function: mmap, line: 0 }]);
  const l3 = b.addLocation(0x7ffd0100n, vdso, []);
  b.addSample([l1], [3, 30_000_000]);
  b.addSample([l2, l1], [1, 10_000_000]);
  b.addSample([l3, l1], [1, 10_000_000]);
  return b.build();
}

const dir = mkdtempSync(path.join(tmpdir(), 'tsprof-symbolize-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runMain(argv, dir);

describe('local symbolization notes (pprof tries the binary of a mapping without HasFunctions)', () => {
  it('says the binary is missing, as go tool pprof does', async () => {
    writeFileSync(path.join(dir, 'cgo.pb.gz'), gzipSync(encodeProto(cgoProfile({ mainHasFunctions: false }))));
    const r = await run(['-top', 'cgo.pb.gz']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'Local symbolization failed for shopd: open /srv/shopd/bin/shopd: no such file or directory\n' +
        'Some binary filenames not available. Symbolization may be incomplete.\n' +
        'Try setting PPROF_BINARY_PATH to the search path for local binaries.\n',
    );
    expect(r.stdout).toContain('main.main');
    // -symbolize=none skips symbolization and so the notes.
    expect((await run(['-symbolize=none', '-top', 'cgo.pb.gz'])).stderr).toBe('');
  });

  it('says nothing when every mapping is symbolized', async () => {
    writeFileSync(path.join(dir, 'go.pb.gz'), gzipSync(encodeProto(cgoProfile({ mainHasFunctions: true }))));
    expect((await run(['-top', 'go.pb.gz'])).stderr).toBe('');
  });

  it('names the build ID, and tells a file that is no binary', () => {
    writeFileSync(path.join(dir, 'notabinary'), 'hello\n');
    const p = cgoProfile({ mainHasFunctions: false, file: path.join(dir, 'notabinary'), buildId: 'abc123' });
    expect(localSymbolizationNotes(p, undefined, (f) => openBinaryError(f, dir))[0]).toBe(
      `Local symbolization failed for notabinary (build ID abc123): open ${path.join(dir, 'notabinary')}: unrecognized object file`,
    );
    // A binary that opens: pprof would symbolize with it, nothing to say.
    writeFileSync(path.join(dir, 'elf'), '\x7fELF\x02\x01\x01');
    const q = cgoProfile({ mainHasFunctions: false, file: path.join(dir, 'elf') });
    expect(localSymbolizationNotes(q, '', (f) => openBinaryError(f, dir))).toEqual([]);
    expect(localSymbolizationNotes(p, 'remote', () => 'x')).toEqual([]);
  });
});
