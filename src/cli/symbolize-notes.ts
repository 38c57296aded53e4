// What `go tool pprof` prints on stderr when it tries to symbolize a profile
// with local binaries and cannot (internal/symbolizer's newMapping and
// cmd/pprof's objTool.Open, Go 1.19). A mapping whose locations the runtime
// could not all symbolize (for example a CPU sample in C code such as
// x_cgo_mmap, in a cgo-linked binary) has no HasFunctions flag, so pprof
// opens the mapping's file; when that binary is not on this machine it says:
//
//   Local symbolization failed for prog: open /srv/prog/bin/prog: no such file or directory
//   Some binary filenames not available. Symbolization may be incomplete.
//   Try setting PPROF_BINARY_PATH to the search path for local binaries.
//
// tsprof-web does not symbolize: when the binary can be opened (pprof would
// then rewrite the locations from it), nothing is said.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { str, type Profile } from '../core/profile/model';
import { goErrno } from './load-sources';

/** What opening a binary gives: its Go error text, or null if it opens. */
export type OpenBinary = (file: string) => string | null;

// Leading bytes of the object files cmd/internal/objfile opens: ELF, PE,
// Mach-O (both byte orders, 32/64-bit, fat), Go archives and objects.
const MAGICS = ['\x7fELF', 'MZ', '\xfe\xed\xfa\xce', '\xfe\xed\xfa\xcf', '\xce\xfa\xed\xfe', '\xcf\xfa\xed\xfe', '\xca\xfe\xba\xbe', '!<arch>\n', 'go object '];

/**
 * objfile.Open's error for file (os.Open's, or "unrecognized object file"),
 * or null when it would open as an object file.
 */
export function openBinaryError(file: string, cwd: string): string | null {
  const full = path.resolve(cwd, file);
  let head = '';
  try {
    const st = statSync(full);
    if (st.isFile()) {
      const fd = openSync(full, 'r');
      try {
        const buf = Buffer.alloc(16);
        const n = readSync(fd, buf, 0, 16, 0);
        head = buf.subarray(0, n).toString('latin1');
      } finally {
        closeSync(fd);
      }
    }
  } catch (e) {
    return `open ${file}: ${goErrno(e as NodeJS.ErrnoException)}`;
  }
  return MAGICS.some((m) => head.startsWith(m)) ? null : `open ${file}: unrecognized object file`;
}

/**
 * The lines pprof's local symbolization prints for profile p (the merged
 * profile, as pprof symbolizes after merging the sources and bases).
 * symbolize is the -symbolize flag's value.
 */
export function localSymbolizationNotes(p: Profile, symbolize: string | undefined, open: OpenBinary): string[] {
  let local = true;
  for (const o of (symbolize ?? '').toLowerCase().split(':')) {
    if (o === 'none' || o === 'no') return [];
    if (o === 'remote') local = false;
    else if (o === 'local' || o === 'fastlocal') local = true;
  }
  if (!local) return [];
  const used = new Set<number>();
  const locs = p.locations;
  for (let i = 0; i < locs.count; i++) if (locs.mapping[i] >= 0) used.add(locs.mapping[i]);
  const out: string[] = [];
  let missing = false;
  p.mappings.forEach((m, midx) => {
    if (!used.has(midx)) return;
    if (m.hasFunctions || m.hasFilenames || m.hasLineNumbers) return; // already symbolized
    const file = str(p, m.file);
    if (file === '') {
      if (midx === 0) out.push('Main binary filename not available.');
      else missing = true;
      return;
    }
    const base = path.posix.basename(file);
    if (base.startsWith('[') || base.startsWith('linux-vdso') || file.startsWith('/dev/dri/')) return; // Unsymbolizable
    const buildId = str(p, m.buildId);
    if (buildId === '' && /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(file) && /http/i.test(file.slice(0, file.indexOf(':')))) return; // a URL
    const err = open(file);
    if (err === null) return; // pprof would symbolize with it: nothing we can say
    out.push(`Local symbolization failed for ${base}${buildId !== '' ? ` (build ID ${buildId})` : ''}: ${err}`);
    missing = true;
  });
  if (missing) {
    out.push('Some binary filenames not available. Symbolization may be incomplete.');
    out.push('Try setting PPROF_BINARY_PATH to the search path for local binaries.');
  }
  return out;
}
