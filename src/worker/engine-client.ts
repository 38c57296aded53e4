// The page's handle on the engine worker: one request, one promise. The file's
// ArrayBuffer is transferred to the worker (the page keeps no copy).
import type { EngineResponse, OpenRequest } from './protocol';

export interface Engine {
  open(fileName: string, bytes: ArrayBuffer): Promise<EngineResponse>;
}

export function createEngine(): Engine {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (r: EngineResponse) => void>();

  function start(): Worker {
    const w = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (ev: MessageEvent<EngineResponse>) => {
      const resolve = pending.get(ev.data.id);
      pending.delete(ev.data.id);
      resolve?.(ev.data);
    });
    // A worker that fails to start or crashes: answer every waiting request.
    w.addEventListener('error', (ev) => {
      ev.preventDefault();
      const message = `The profile engine stopped unexpectedly${ev.message ? ` (${ev.message})` : ''}. Reload the page and open the file again.`;
      for (const [id, resolve] of pending) resolve({ id, ok: false, message });
      pending.clear();
      worker?.terminate();
      worker = null;
    });
    return w;
  }

  return {
    open(fileName, bytes) {
      worker ??= start();
      const id = nextId++;
      const req: OpenRequest = { id, kind: 'open', fileName, bytes };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker!.postMessage(req, [bytes]);
      });
    },
  };
}
