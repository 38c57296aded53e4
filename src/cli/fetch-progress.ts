// A progress line on stderr while profiles are fetched over HTTP: a CPU
// profile with ?seconds=30 keeps the server busy for 30 s, and a silent
// terminal for that long looks hung.
import { sourceURL } from './load-sources';

export interface ProgressOptions {
  seconds?: number; // -seconds, for the "of Ns" hint
  everyMs?: number; // default 5 s
  now?: () => number;
}

/** Runs work; while it runs and any source is a URL, prints the elapsed time every few seconds. */
export async function withFetchProgress<T>(
  sources: string[],
  stderr: (line: string) => void,
  work: () => Promise<T>,
  o: ProgressOptions = {},
): Promise<T> {
  const urls = sources.map((s) => sourceURL(s, o.seconds)).filter((u): u is string => u !== null);
  if (urls.length === 0) return work();
  const now = o.now ?? Date.now;
  const start = now();
  const expected = Math.max(0, ...urls.map((u) => Number(new URL(u).searchParams.get('seconds') ?? 0) || 0));
  const timer = setInterval(() => {
    const elapsed = Math.round((now() - start) / 1000);
    const of = expected > 0 ? ` (the profile covers ${expected}s)` : '';
    stderr(`Still fetching: ${elapsed}s elapsed${of}...`);
  }, o.everyMs ?? 5000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
