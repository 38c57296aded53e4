// What the page opens when it starts: the profile its address names (`#p=`,
// `share=`, `url=`: a permalink), else the one the CLI serves at api/profile,
// else nothing (the drop zone). The view params of the address then apply, as
// for any profile.
import { fetchServedProfile } from './served-profile';
import { fetchProfileUrl, fetchShared, problemText } from './fetch-profile';
import { fromBase64Url, parseSource, type ProfileSource } from './permalink';
import type { AppState } from './store';
import { appBase } from './url-state';

type Store = { getState(): AppState };

/** Opens a profile fetched from a URL (`?url=` or the Open URL field). */
export async function openUrl(store: Store, url: string): Promise<void> {
  const s = store.getState();
  s.setBusy(url);
  s.setError(null);
  try {
    const f = await fetchProfileUrl(url);
    if (store.getState().busy !== url) return; // the user opened something else meanwhile
    await store.getState().openBytes(f.fileName, f.data, { kind: 'url', url });
  } catch (e) {
    if (store.getState().busy === url) s.setBusy(null);
    s.setError(problemText(e));
  }
}

async function openSource(store: Store, source: ProfileSource, base: string): Promise<void> {
  const s = store.getState();
  switch (source.kind) {
    case 'url':
      return openUrl(store, source.url);
    case 'share': {
      const what = 'the shared profile';
      s.setBusy(what);
      try {
        const f = await fetchShared(source.id, base);
        if (store.getState().busy !== what) return;
        await s.openBytes(f.fileName, f.data, source);
      } catch (e) {
        if (store.getState().busy === what) s.setBusy(null);
        s.setError(problemText(e));
      }
      return;
    }
    case 'inline': {
      const bytes = fromBase64Url(source.p);
      if (bytes) await s.openBytes('profile-from-link.pb.gz', bytes, source);
      return;
    }
    default:
      return;
  }
}

/**
 * Back, forward, or a link followed inside the open page (another `#p=`):
 * opens the profile the address names when it is not the one open.
 */
export async function followAddressSource(store: Store, loc: Location): Promise<void> {
  const { source } = parseSource(loc.search, loc.hash, loc.href);
  if (!source || JSON.stringify(source) === JSON.stringify(store.getState().source)) return;
  return openSource(store, source, appBase(loc.pathname));
}

export async function startup(store: Store, loc: Location): Promise<void> {
  const base = appBase(loc.pathname);
  const { source, errors } = parseSource(loc.search, loc.hash, loc.href);
  store.getState().addUrlErrors(errors);
  if (source) return openSource(store, source, base);
  const busy = 'the profile from the server';
  store.getState().setBusy(busy);
  const served = await fetchServedProfile(fetch, base);
  if (store.getState().busy !== busy) return; // the user was faster
  if (served) await store.getState().openBytes(served.fileName, served.data, { kind: 'served' });
  else store.getState().setBusy(null);
}
