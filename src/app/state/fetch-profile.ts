// Profiles the browser fetches itself: a profile on the web (`?url=`) and one
// in the CLI's share store (`?share=`). Errors are sentences for people: the
// browser does not tell a refused connection from a missing CORS header, so
// the message names both.
import type { Fetched } from './served-profile';
import { fileNameFromDisposition } from './served-profile';
import { fileNameFromUrl } from './permalink';

export class FetchProblem extends Error {}

async function get(fetchFn: typeof fetch, url: string, what: string, unreachable: string): Promise<Response> {
  try {
    return await fetchFn(url);
  } catch {
    throw new FetchProblem(`Could not fetch ${what} from ${url}: ${unreachable}`);
  }
}

/** A profile at an http(s) URL, fetched by this page. */
export async function fetchProfileUrl(url: string, fetchFn: typeof fetch = fetch): Promise<Fetched> {
  const res = await get(
    fetchFn,
    url,
    'the profile',
    'the server did not answer, or it does not allow other pages to read it (its response needs the header Access-Control-Allow-Origin). Check the address, or download the file and drop it here.',
  );
  if (!res.ok) {
    throw new FetchProblem(`Could not fetch the profile from ${url}: the server answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}. Check the address.`);
  }
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('text/html')) {
    throw new FetchProblem(`${url} is a web page, not a profile. Give the address of the profile file itself (e.g. .../debug/pprof/heap).`);
  }
  const data = await res.blob();
  if (data.size === 0) throw new FetchProblem(`${url} answered with an empty body: there is no profile there.`);
  const fileName = fileNameFromDisposition(res.headers.get('content-disposition')) ?? fileNameFromUrl(res.url || url);
  return { fileName, data };
}

/** A profile in the CLI's share store (`base` = the app's root). */
export async function fetchShared(id: string, base: string, fetchFn: typeof fetch = fetch): Promise<Fetched> {
  const url = `${base}api/share/${id}`;
  const res = await get(fetchFn, url, 'the shared profile', 'the tsprof-web server that made this link does not answer. Ask for the profile file instead.');
  if (res.status === 404 || (res.headers.get('content-type') ?? '').includes('text/html')) {
    throw new FetchProblem(
      'The shared profile of this link is not here: it was saved on another tsprof-web server, or it was evicted from the share store. Ask for the profile file instead.',
    );
  }
  if (!res.ok) throw new FetchProblem(`Could not fetch the shared profile: the server answered ${res.status}.`);
  return { fileName: `shared-${id.slice(0, 12)}.pb.gz`, data: await res.blob() };
}

export function problemText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
