// What every view component receives from the app shell. Views render the
// engine's data and report user intent upward; they never touch the profile.
import type { ViewName, ViewRequest, ViewResponse } from '../../worker/view-protocol';

export type RefineKind = 'focus' | 'ignore' | 'hide' | 'show' | 'show_from';

export interface ViewProps<T> {
  response: ViewResponse<T>;
  /** The search box's expression (a JS RegExp source, already validated; '' = none). */
  search: string;
  /** Selected function names (Top rows, graph nodes, flame frames). */
  selection: string[];
  onSelect(names: string[]): void;
  /** Apply a refinement with a regexp (the shell escapes names with escapeRegExp). */
  onRefine(kind: RefineKind, regexp: string): void;
  /** Switch views, e.g. "Show source" of a frame: onNavigate('source', '^name$'). */
  onNavigate(view: ViewName, symbol?: string): void;
  /** Ask the engine again with changed view parameters (flame graph width or zoom; source files for Source). */
  onRequest(patch: Partial<Pick<ViewRequest, 'width' | 'zoom' | 'sources'>>): void;
}
