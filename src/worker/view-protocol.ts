// The contract between the page and the engine for the views (Top, Graph,
// Flame Graph, Peek, Source). The page sends a ViewRequest built from the URL
// state; the engine answers with the header every view shows plus the data of
// that view, computed in the worker from src/core. Only plain data crosses.
import type { Options } from '../core/query/options';

export type ViewName = 'top' | 'graph' | 'flamegraph' | 'peek' | 'source';

export interface ViewRequest {
  view: ViewName;
  /** The report options, from the URL (si f i h s sf prunefrom tf ti ts th g n nf ef sort unit ...). */
  options: Options;
  /** Peek and Source: the regexp of the functions to show (pprof's web UI sends it as `f`). */
  symbol?: string;
  /** Flame graph: the width in CSS pixels, to send only frames wide enough to see. */
  width?: number;
  /** Flame graph: at most this many frames, the widest (default: flame.ts DEFAULT_MAX_FRAMES). */
  maxFrames?: number;
  /** Flame graph: the zoomed frame, as the list of frame names from the root; [] = root. */
  zoom?: string[];
  /** Source: texts of source files the user opened, by relative path (matched by path suffix). */
  sources?: Record<string, string>;
}

/** What the title of every view shows, as pprof's web UI does. */
export interface ViewHeader {
  /** pprof's header lines: `File: ...`, `Type: ...`, `Time: ...`, `Duration: ...`. */
  lines: string[];
  /** The legend lines: `Showing nodes accounting for ...`, `Dropped ...`, `Active filters:` ... */
  legend: string[];
  /** Warnings pprof prints on stderr (e.g. `Focus expression matched no samples`). */
  warnings: string[];
  /** The sample types of the profile, with their units, and the index in use. */
  sampleTypes: { type: string; unit: string }[];
  sampleIndex: number;
}

export interface ViewResponse<T = unknown> {
  header: ViewHeader;
  data: T;
}
