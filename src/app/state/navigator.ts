// The page's address, behind a small interface so the store can be tested
// without a browser.
export interface AddressBar {
  read(): { pathname: string; search: string; hash?: string };
  push(url: string): void;
  replace(url: string): void;
}

export function browserAddressBar(): AddressBar {
  return {
    read: () => ({ pathname: window.location.pathname, search: window.location.search, hash: window.location.hash }),
    push: (url) => window.history.pushState(null, '', url),
    replace: (url) => window.history.replaceState(null, '', url),
  };
}

/** An in-memory address bar with a history stack (tests). */
export function memoryAddressBar(initial = '/'): AddressBar & { entries: string[]; index: number; back(): void; forward(): void } {
  const split = (full: string) => {
    const h = full.indexOf('#');
    const u = h < 0 ? full : full.slice(0, h);
    const hash = h < 0 ? '' : full.slice(h);
    const i = u.indexOf('?');
    return i < 0 ? { pathname: u, search: '', hash } : { pathname: u.slice(0, i), search: u.slice(i), hash };
  };
  const bar = {
    entries: [initial],
    index: 0,
    read: () => split(bar.entries[bar.index]),
    push(url: string) {
      bar.entries = bar.entries.slice(0, bar.index + 1);
      bar.entries.push(url);
      bar.index++;
    },
    replace(url: string) {
      bar.entries[bar.index] = url;
    },
    back() {
      if (bar.index > 0) bar.index--;
    },
    forward() {
      if (bar.index < bar.entries.length - 1) bar.index++;
    },
  };
  return bar;
}
