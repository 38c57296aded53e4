// The profile model: profile.proto's tables held as columns (typed arrays and
// index columns), so a million samples cost a few arrays, not a million objects.
// Every reader (protobuf, legacy text, gperftools binary) produces this shape.
//
// Conventions:
// - Strings are indexes into `strings` (strings[0] === '').
// - Rows of a table are addressed by index (0-based); the protobuf ids are kept
//   in the `id` columns for printing and for re-encoding.
// - A reference to "none" is -1 (e.g. a location without mapping).
// - 64-bit quantities: sample values, line numbers, ids and counts are numbers
//   (exact up to 2^53); addresses and mapping bounds are bigint (kernel and
//   vsyscall addresses exceed 2^53); time_nanos is bigint (ns since 1970 > 2^53).

export interface ValueType {
  type: number; // string index
  unit: number; // string index
}

export interface Mapping {
  id: number;
  start: bigint;
  limit: bigint;
  offset: bigint;
  file: number; // string index
  buildId: number; // string index
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

export interface FunctionTable {
  count: number;
  id: Float64Array;
  name: Uint32Array; // string index
  systemName: Uint32Array; // string index
  filename: Uint32Array; // string index
  startLine: Float64Array;
}

export interface LocationTable {
  count: number;
  id: Float64Array;
  mapping: Int32Array; // index into mappings, -1 = none
  address: BigUint64Array;
  isFolded: Uint8Array; // 0/1
  // Line entries of location i are lineStart[i] .. lineStart[i+1]-1,
  // innermost (leaf-most inlined) frame first, as in profile.proto.
  lineStart: Uint32Array; // length count+1
  lineFunction: Int32Array; // index into functions, -1 = none
  lineNumber: Float64Array;
  lineColumn: Float64Array;
}

/** Location indexes: 16 bits when the profile has at most 65,536 locations (half the memory for a big profile's stacks). */
export type LocationIndexes = Uint32Array | Uint16Array;

export interface SampleTable {
  count: number;
  // Stack of sample i: stackLocs[stackStart[i] .. stackStart[i+1]-1],
  // location indexes, leaf first.
  stackStart: Uint32Array; // length count+1
  stackLocs: LocationIndexes;
  // values[t][i]: value of sample type t for sample i.
  values: Float64Array[];
  // Labels of sample i: labelStart[i] .. labelStart[i+1]-1.
  // A label with labelStr !== 0 is a string label, else a numeric one.
  labelStart: Uint32Array; // length count+1
  labelKey: Uint32Array; // string index
  labelStr: Uint32Array; // string index, 0 for numeric labels
  labelNum: Float64Array;
  labelNumUnit: Uint32Array; // string index, 0 = none
}

export interface Profile {
  strings: string[];
  sampleTypes: ValueType[];
  samples: SampleTable;
  mappings: Mapping[];
  locations: LocationTable;
  functions: FunctionTable;
  dropFrames: number; // string index
  keepFrames: number; // string index
  timeNanos: bigint;
  durationNanos: number;
  periodType: ValueType | null;
  period: number;
  comments: number[]; // string indexes
  defaultSampleType: number; // string index
  docUrl: number; // string index
}

/** The string at index i of the profile's string table. */
export function str(p: Profile, i: number): string {
  return p.strings[i] ?? '';
}
