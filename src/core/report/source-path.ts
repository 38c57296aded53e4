// pprof's openSourceFile search order, without touching a file system: the
// caller (CLI, tests) tries each candidate path in order and reads the first
// that exists.
import { cleanPath, splitList, trimSourcePath } from '../graph/paths';

function join(dir: string, p: string): string {
  return cleanPath(dir === '' ? p : dir + '/' + p);
}

function parentDir(dir: string): string {
  // filepath.Dir on a cleaned directory
  const trimmed = dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return trimmed.slice(0, i);
}

/**
 * Paths to try for a source file named in the profile: each search directory
 * and every parent of it (relative names), or the name itself (absolute).
 * Parent walking of a relative directory such as "source/workload" goes
 * "source/workload", "source", "." as Go's filepath.Dir does.
 */
export function sourceCandidates(file: string, searchPath: string, trimPath: string): string[] {
  const path = trimSourcePath(file, trimPath, searchPath);
  if (path.startsWith('/')) return [path];
  const out: string[] = [];
  for (let dir of splitList(searchPath)) {
    for (;;) {
      out.push(join(dir, path));
      const parent = parentDir(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return out;
}

/** The name pprof prints in "could not find file X on path Y". */
export function sourceDisplayName(file: string, searchPath: string, trimPath: string): string {
  return trimSourcePath(file, trimPath, searchPath);
}
