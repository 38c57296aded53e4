// Report options, with pprof's flag names. The CLI parses flags into this, the
// web app maps its URL parameters onto it, and src/core consumes it.
export type Granularity = 'functions' | 'filefunctions' | 'files' | 'lines' | 'addresses';

export interface Options {
  sampleIndex?: string; // name or number as given; resolved against the profile
  mean?: boolean;
  focus?: string;
  ignore?: string;
  hide?: string;
  show?: string;
  showFrom?: string;
  pruneFrom?: string;
  tagFocus?: string;
  tagIgnore?: string;
  tagShow?: string;
  tagHide?: string;
  tagRoot?: string; // -tagroot: comma-separated label keys added as pseudo frames at the root
  tagLeaf?: string; // -tagleaf: same, at the leaf
  granularity?: Granularity;
  noInlines?: boolean;
  nodeCount?: number; // undefined = the report's default
  nodeFraction?: number; // default 0.005
  divideBy?: number; // -divide_by: values are printed divided by it (default 1)
  compactLabels?: boolean; // -compact_labels: legends without the profile's header lines
  edgeFraction?: number; // default 0.001
  unit?: string; // 'minimum' (default), 'auto', or a unit such as 'ms', 'MB'
  relativePercentages?: boolean;
  dropNegative?: boolean;
  callTree?: boolean;
  sort?: 'flat' | 'cum';
  normalize?: boolean;
  sourcePath?: string;
  trimPath?: string;
}
