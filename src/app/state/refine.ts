// REFINE as pprof's web UI does it (Go 1.19 driver/html/common.js): the
// regexp is the search text, or the selected names quoted and joined with |.
// Focus, Show and Show from replace their parameter; Ignore and Hide add to it.
import type { Options } from '../../core/query/options';
import type { RefineKind } from '../views/view-props';
import { quotemeta } from '../../core/query/quotemeta';

const KEY: Record<RefineKind, 'focus' | 'ignore' | 'hide' | 'show' | 'showFrom'> = {
  focus: 'focus',
  ignore: 'ignore',
  hide: 'hide',
  show: 'show',
  show_from: 'showFrom',
};

/** The regexp REFINE applies: the selection wins over the search text. */
export function refineRegexp(selection: string[], search: string): string {
  if (selection.length > 0) return selection.map(quotemeta).join('|');
  return search;
}

export function applyRefine(o: Options, kind: RefineKind, re: string): Options {
  const key = KEY[kind];
  const next = { ...o };
  if (re === '') {
    delete next[key];
    return next;
  }
  const old = o[key];
  next[key] = (kind === 'ignore' || kind === 'hide') && old ? `${re}|${old}` : re;
  return next;
}

/** REFINE > Reset: the filters go, the sample type and display settings stay. */
export function resetFilters(o: Options): Options {
  const next = { ...o };
  for (const k of ['focus', 'ignore', 'hide', 'show', 'showFrom', 'pruneFrom', 'tagFocus', 'tagIgnore', 'tagShow', 'tagHide'] as const) {
    delete next[k];
  }
  return next;
}
