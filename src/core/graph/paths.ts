// Slash-path helpers with Go's path/filepath semantics (Unix), which pprof uses
// on file names from the profile: Clean, Base, and report.trimPath.

/** Go's filepath.Clean for '/'-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/');
  if (rooted) return '/' + s;
  return s === '' ? '.' : s;
}

/** Go's filepath.Base. */
export function basePath(p: string): string {
  if (p === '') return '.';
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '/') return '/';
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** Go's filepath.SplitList (':'-separated; '' is an empty list). */
export function splitList(s: string): string[] {
  return s === '' ? [] : s.split(':');
}

/**
 * pprof's report.trimPath: without a trim path, strip everything up to and
 * including "/<base of a search dir>/"; then strip configured prefixes and
 * /proc/self/cwd.
 */
export function trimSourcePath(path: string, trimPath: string, searchPath: string): string {
  if (trimPath === '') {
    for (const dir of splitList(searchPath)) {
      const want = '/' + basePath(dir) + '/';
      const found = path.indexOf(want);
      if (found !== -1) return path.slice(found + want.length);
    }
  }
  const prefixes = [...splitList(trimPath), '/proc/self/cwd/./', '/proc/self/cwd/'];
  for (let t of prefixes) {
    if (!t.endsWith('/')) t += '/';
    if (path.startsWith(t)) return path.slice(t.length);
  }
  return path;
}
