// What the page shows: the open profile's summary, the file being read, and the
// last error. A failed load keeps the profile that was open; the newest request
// wins when files are opened faster than they parse.
import { create } from 'zustand';
import type { Engine } from '../../worker/engine-client';
import type { ProfileSummary } from '../../worker/summary';

export interface AppState {
  summary: ProfileSummary | null;
  /** What is being read right now (a file name or a short phrase), or null. */
  busy: string | null;
  error: string | null;
  openBytes(fileName: string, bytes: ArrayBuffer): Promise<void>;
  openFile(file: File): Promise<void>;
  setBusy(what: string | null): void;
  setError(message: string | null): void;
}

export function createAppStore(engine: Engine) {
  let latest = 0;
  return create<AppState>()((set, get) => ({
    summary: null,
    busy: null,
    error: null,
    async openBytes(fileName, bytes) {
      const ticket = ++latest;
      set({ busy: fileName, error: null });
      const res = await engine.open(fileName, bytes);
      if (ticket !== latest) return; // a newer file was opened meanwhile
      if (res.ok) set({ summary: res.summary, busy: null, error: null });
      else set({ busy: null, error: res.message });
    },
    async openFile(file) {
      const ticket = ++latest;
      set({ busy: file.name, error: null });
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        if (ticket === latest) {
          set({ busy: null, error: `Could not read ${file.name}: the browser refused to read it (is it a folder, or was it moved?). Choose a profile file.` });
        }
        return;
      }
      if (ticket !== latest) return;
      await get().openBytes(file.name, bytes);
    },
    setBusy(what) {
      set({ busy: what });
    },
    setError(message) {
      set({ error: message });
    },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
