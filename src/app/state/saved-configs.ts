// CONFIG: named settings (the report options of the URL, without the view),
// kept in localStorage as pprof keeps them in its settings file.
import type { Options } from '../../core/query/options';
import { formatUrl, parseUrl } from './url-state';

const KEY = 'tsprof-web.configs.v1';

export interface SavedConfig {
  name: string;
  /** The options as URL parameters (pprof's names). */
  query: string;
}

function isConfig(x: unknown): x is SavedConfig {
  return typeof x === 'object' && x !== null && typeof (x as SavedConfig).name === 'string' && typeof (x as SavedConfig).query === 'string';
}

export function loadConfigs(storage: Storage | null): SavedConfig[] {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return [];
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter(isConfig) : [];
  } catch {
    return []; // unreadable storage: no saved settings
  }
}

function store(storage: Storage | null, list: SavedConfig[]): string | null {
  try {
    storage?.setItem(KEY, JSON.stringify(list));
    return null;
  } catch {
    return 'The browser refused to save the settings (storage full or disabled).';
  }
}

/** Saves (or replaces) a named config; returns the new list or an error message. */
export function saveConfig(storage: Storage | null, name: string, options: Options): SavedConfig[] | string {
  const n = name.trim();
  if (n === '') return 'Give the settings a name.';
  const query = formatUrl({ view: 'top', options }, '/').replace(/^\/\?view=top&?/, '');
  const list = loadConfigs(storage).filter((c) => c.name !== n);
  list.push({ name: n, query });
  list.sort((a, b) => a.name.localeCompare(b.name));
  return store(storage, list) ?? list;
}

export function deleteConfig(storage: Storage | null, name: string): SavedConfig[] {
  const list = loadConfigs(storage).filter((c) => c.name !== name);
  store(storage, list);
  return list;
}

export function configOptions(c: SavedConfig): Options {
  return parseUrl('/', '?' + c.query).state.options;
}

export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
