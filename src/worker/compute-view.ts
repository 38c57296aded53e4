// The dispatcher: a ViewRequest -> the view's core function (src/core/view),
// plus the graph's layout (Graphviz WASM, worker only). Every failure becomes a
// message for the person: a ProfileError's own text, never a stack trace.
import type { Profile } from '../core/profile/model';
import { ProfileError } from '../core/profile/errors';
import { topView } from '../core/view/top';
import { graphView } from '../core/view/graph';
import { flameView } from '../core/view/flame';
import { peekView } from '../core/view/peek';
import { sourceView } from '../core/view/source';
import { layoutGraph } from './graph-layout';
import type { ViewRequest, ViewResponse } from './view-protocol';

export type ComputeOutcome = { ok: true; response: ViewResponse } | { ok: false; message: string };

export async function computeView(p: Profile, req: ViewRequest): Promise<ComputeOutcome> {
  try {
    switch (req.view) {
      case 'top':
        return { ok: true, response: topView(p, req) };
      case 'graph': {
        const r = graphView(p, req);
        return { ok: true, response: { header: r.header, data: await layoutGraph(r.data) } };
      }
      case 'flamegraph':
        return { ok: true, response: flameView(p, req) };
      case 'peek':
        return { ok: true, response: peekView(p, req) };
      case 'source':
        return { ok: true, response: sourceView(p, req) };
      default:
        return { ok: false, message: `Unknown view "${String((req as { view: unknown }).view)}".` };
    }
  } catch (e) {
    if (e instanceof ProfileError) return { ok: false, message: e.message };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `Internal error while computing the ${req.view} view (${detail}). Please report this with the profile.` };
  }
}
