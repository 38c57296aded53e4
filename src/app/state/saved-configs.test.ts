import { describe, expect, it } from 'vitest';
import { configOptions, deleteConfig, loadConfigs, saveConfig } from './saved-configs';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('saved configs', () => {
  it('saves, replaces, lists and deletes named settings', () => {
    const s = memoryStorage();
    expect(loadConfigs(s)).toEqual([]);
    saveConfig(s, 'mem', { sampleIndex: 'alloc_space', focus: 'store' });
    saveConfig(s, ' alpha ', { hide: '^runtime\\.' });
    const list = saveConfig(s, 'mem', { sampleIndex: 'inuse_space' });
    expect(Array.isArray(list) && list.map((c) => c.name)).toEqual(['alpha', 'mem']);
    const mem = loadConfigs(s).find((c) => c.name === 'mem')!;
    expect(configOptions(mem)).toEqual({ sampleIndex: 'inuse_space' });
    expect(configOptions(loadConfigs(s)[0])).toEqual({ hide: '^runtime\\.' });
    expect(deleteConfig(s, 'mem').map((c) => c.name)).toEqual(['alpha']);
  });
  it('refuses an empty name and survives corrupt storage', () => {
    const s = memoryStorage();
    expect(saveConfig(s, '  ', {})).toMatch(/name/);
    s.setItem('tsprof-web.configs.v1', '{not json');
    expect(loadConfigs(s)).toEqual([]);
    s.setItem('tsprof-web.configs.v1', JSON.stringify([{ name: 'a', query: 'f=x' }, 42]));
    expect(loadConfigs(s)).toEqual([{ name: 'a', query: 'f=x' }]);
  });
});
