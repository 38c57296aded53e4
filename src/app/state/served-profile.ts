// Profiles that arrive over HTTP: the one the CLI serves at api/profile (404 on a
// static host) and the bundled demo. Paths are relative to the app's root
// (`base`: the page's folder, or the folder above pprof's /ui/ paths).

export interface Fetched {
  fileName: string;
  /** The body as a Blob: handed to the worker without a copy on the page. */
  data: Blob;
}

/** The file name from a Content-Disposition header, if it carries one. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  if (!plain) return null;
  const name = (plain[2] ?? plain[1]).trim();
  return name === '' ? null : name;
}

/**
 * The profile the CLI serves, or null when there is none: a 404, an HTML page
 * (a static host's fallback), an empty body or no server at all.
 */
export async function fetchServedProfile(fetchFn: typeof fetch = fetch, base = ''): Promise<Fetched | null> {
  let res: Response;
  try {
    res = await fetchFn(base + 'api/profile', { cache: 'no-store' });
  } catch {
    return null;
  }
  if (!res.ok) return null;
  if ((res.headers.get('content-type') ?? '').includes('text/html')) return null;
  const data = await res.blob();
  if (data.size === 0) return null;
  const fileName = fileNameFromDisposition(res.headers.get('content-disposition')) ?? 'profile';
  return { fileName, data };
}

export async function fetchDemoProfile(fetchFn: typeof fetch = fetch, base = ''): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetchFn(base + 'demo.pb.gz');
  } catch {
    throw new Error('Could not load the demo profile: the server did not answer. Check that tsprof-web is still running.');
  }
  if (!res.ok) throw new Error(`Could not load the demo profile: the server answered ${res.status} for demo.pb.gz.`);
  return { fileName: 'demo.pb.gz', data: await res.blob() };
}
