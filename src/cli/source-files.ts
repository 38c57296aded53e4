// Source files for the web UI's Source view (GET api/source?file=NAME): only a
// file the loaded profile names is looked up, with pprof's rules
// (-source_path, -trim_path: source-lookup.ts); no name from a request is
// ever opened as it is.
import type { Profile } from '../core/profile/model';
import { makeSourceLookup } from './source-lookup';

export type SourceAnswer = { status: 200; path: string; text: string } | { status: 400 | 404; message: string };

/** The file names of the profile's functions. */
export function profileFileNames(p: Profile): Set<string> {
  const out = new Set<string>();
  const f = p.functions;
  for (let i = 0; i < f.count; i++) {
    const name = p.strings[f.filename[i]] ?? '';
    if (name !== '') out.add(name);
  }
  return out;
}

function looksEscaping(name: string): boolean {
  return name.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(name) || name.startsWith('\\') || name.split(/[\\/]/).includes('..');
}

export interface SourceFiles {
  /** The answer to a request for `file` (as the profile names it). */
  get(file: string): SourceAnswer;
  /** True when at least one file of the profile can be read. */
  anyReadable(): boolean;
}

/**
 * searchPath: -source_path, else the working directory (as -list does);
 * relative candidates are taken from cwd.
 */
export function makeSourceFiles(p: Profile | null, searchPath: string, trimPath: string, cwd: string): SourceFiles {
  const names = p ? profileFileNames(p) : new Set<string>();
  const open = makeSourceLookup(searchPath, trimPath, cwd);
  let readable: boolean | undefined;
  return {
    get(file) {
      if (!names.has(file)) {
        if (file.includes('\0') || looksEscaping(file)) {
          return { status: 400, message: `Refused: ${JSON.stringify(file)} is not a source file of this profile, and absolute paths and ".." are not accepted.` };
        }
        return { status: 404, message: `The profile names no source file ${JSON.stringify(file)}.` };
      }
      const found = open(file);
      if (!found) return { status: 404, message: `Source file ${file} not found on the search path ${searchPath} (set -source_path, or -trim_path).` };
      return { status: 200, path: found.path, text: found.text };
    },
    anyReadable() {
      if (readable === undefined) {
        readable = false;
        for (const n of names) {
          if (open(n)) {
            readable = true;
            break;
          }
        }
      }
      return readable;
    },
  };
}
