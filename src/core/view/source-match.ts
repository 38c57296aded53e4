// Finds the text of a source file named in the profile among files the user
// gave the page (a folder or single files, keyed by their relative paths): the
// profile's name, trimmed as pprof trims it, against each given path; the path
// sharing the longest run of trailing components wins. A file given alone
// matches by its base name; a file from a folder must share its directory too,
// so that a dropped tree never lends runtime/proc.go some other proc.go.
import { trimSourcePath } from '../graph/paths';

function components(path: string): string[] {
  return path.split(/[\\/]+/).filter((c) => c !== '' && c !== '.');
}

function sharedSuffix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

export interface SourceMatch {
  /** The given path that matched. */
  path: string;
  text: string;
}

/**
 * The best match for `file` in `sources`, or null. Ties go to the shorter
 * given path, then to the first in sorted order, so the choice is stable.
 */
export function matchSource(
  file: string,
  sources: Record<string, string> | undefined,
  trimPath = '',
  searchPath = '',
): SourceMatch | null {
  if (!sources || file === '') return null;
  const want = components(trimSourcePath(file, trimPath, searchPath));
  if (want.length === 0) return null;
  let best: string | null = null;
  let bestLen = 0;
  let bestDepth = 0;
  for (const path of Object.keys(sources).sort()) {
    const have = components(path);
    const n = sharedSuffix(want, have);
    if (n === 0 || n < Math.min(2, want.length, have.length)) continue;
    if (n > bestLen || (n === bestLen && have.length < bestDepth)) {
      best = path;
      bestLen = n;
      bestDepth = have.length;
    }
  }
  return best === null ? null : { path: best, text: sources[best] };
}
