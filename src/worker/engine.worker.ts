// The engine: owns the loaded profile so that parsing (and, later, every query)
// runs off the main thread. The page only ever receives summaries and reports.
import type { Profile } from '../core/profile/model';
import { openProfile } from './open-profile';
import type { EngineRequest, EngineResponse } from './protocol';

// Kept for the queries of the next views; replaced only by a successful load.
let current: Profile | null = null;

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(r: EngineResponse): void {
  scope.postMessage(r);
}

scope.addEventListener('message', (ev: MessageEvent<EngineRequest>) => {
  const req = ev.data;
  if (req.kind === 'open') {
    const res = openProfile(req.fileName, new Uint8Array(req.bytes));
    if (res.ok) {
      current = res.profile; // a failed load keeps the previous profile
      reply({ id: req.id, ok: true, summary: res.summary });
    } else {
      reply({ id: req.id, ok: false, message: res.message });
    }
  }
});

