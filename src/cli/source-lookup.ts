// pprof's source lookup for -list (google/pprof internal/report/source.go
// openSourceFile): the profile's file name, trimmed, is tried under each
// directory of the search path (-source_path, else the working directory)
// and each of their parents; core/report/source-path.ts gives the candidates,
// this reads them from the disk.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sourceCandidates } from '../core/report/source-path';

export interface SourceFile {
  path: string;
  text: string;
}

function readText(file: string): string | null {
  try {
    if (!statSync(file).isFile()) return null;
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The `openSource` callback of the text reports: the first candidate that
 * can be read, or null. Relative candidates are taken from cwd.
 */
export function makeSourceLookup(searchPath: string, trimPath: string, cwd: string): (file: string) => SourceFile | null {
  const cache = new Map<string, SourceFile | null>();
  return (file: string) => {
    const hit = cache.get(file);
    if (hit !== undefined) return hit;
    let found: SourceFile | null = null;
    for (const candidate of sourceCandidates(file, searchPath, trimPath)) {
      const text = readText(path.resolve(cwd, candidate));
      if (text !== null) {
        found = { path: candidate, text };
        break;
      }
    }
    cache.set(file, found);
    return found;
  };
}
