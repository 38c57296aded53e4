// Source files the person opened for the Source view ("Add source files" /
// "Add source folder"), kept for the page's lifetime and sent to the worker
// with the Source view's request (ViewRequest.sources), where they are matched
// to the profile's file names by path suffix (src/core/view/source-match.ts).
const files = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

/** Files larger than this are not source code worth showing. */
export const MAX_SOURCE_FILE = 4 * 1024 * 1024;
/** Everything kept together: each Source request carries it to the worker. */
export const MAX_SOURCE_TOTAL = 64 * 1024 * 1024;

export function sourceTexts(): Record<string, string> | undefined {
  return files.size > 0 ? Object.fromEntries(files) : undefined;
}

export function sourceFileCount(): number {
  return files.size;
}

/** Changes whenever files are added or cleared (for useSyncExternalStore). */
export function sourceFilesVersion(): number {
  return version;
}

export function subscribeSourceFiles(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function changed(): void {
  version++;
  for (const fn of listeners) fn();
}

export function clearSourceFiles(): void {
  files.clear();
  changed();
}

function totalSize(): number {
  let n = 0;
  for (const t of files.values()) n += t.length;
  return n;
}

// A NUL byte in the first 8 kB: a binary, not source.
function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

export interface AddResult {
  added: number;
  /** Files left out, with why: "big.bin (binary)". */
  skipped: string[];
}

/** Reads the files (a folder gives webkitRelativePath, e.g. "workload/internal/x.go"). */
export async function addSourceFiles(list: Iterable<File>): Promise<AddResult> {
  const res: AddResult = { added: 0, skipped: [] };
  let total = totalSize();
  for (const f of list) {
    const path = f.webkitRelativePath || f.name;
    if (f.size > MAX_SOURCE_FILE) {
      res.skipped.push(`${path} (larger than ${MAX_SOURCE_FILE / 1024 / 1024} MB)`);
      continue;
    }
    if (total + f.size > MAX_SOURCE_TOTAL) {
      res.skipped.push(`${path} (over the ${MAX_SOURCE_TOTAL / 1024 / 1024} MB kept in all)`);
      continue;
    }
    const text = await f.text();
    if (looksBinary(text)) {
      res.skipped.push(`${path} (binary)`);
      continue;
    }
    total += text.length - (files.get(path)?.length ?? 0);
    files.set(path, text);
    res.added++;
  }
  if (res.added > 0) changed();
  return res;
}
