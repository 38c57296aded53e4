// Builds a columnar Profile row by row. Used by the legacy readers, merge and
// tests; the protobuf decoder fills the columns directly for speed.
import type { Mapping, Profile, ValueType } from './model';

export interface BuilderLine {
  function: number; // function index, -1 = none
  line: number;
  column?: number;
}

export interface BuilderLabel {
  key: string;
  str?: string; // string label when set
  num?: number;
  numUnit?: string;
}

class GrowF64 {
  a = new Float64Array(64);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Float64Array {
    return this.a.slice(0, this.n);
  }
}

class GrowU32 {
  a = new Uint32Array(64);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Uint32Array {
    return this.a.slice(0, this.n);
  }
}

export class ProfileBuilder {
  private strings: string[] = [''];
  private stringIndex = new Map<string, number>([['', 0]]);

  sampleTypes: ValueType[] = [];
  mappings: Mapping[] = [];
  dropFrames = 0;
  keepFrames = 0;
  timeNanos = 0n;
  durationNanos = 0;
  periodType: ValueType | null = null;
  period = 0;
  comments: number[] = [];
  defaultSampleType = 0;
  docUrl = 0;

  private fnId = new GrowF64();
  private fnName = new GrowU32();
  private fnSystemName = new GrowU32();
  private fnFilename = new GrowU32();
  private fnStartLine = new GrowF64();

  private locId = new GrowF64();
  private locMapping: number[] = [];
  private locAddress: bigint[] = [];
  private locFolded: number[] = [];
  private locLineStart = new GrowU32();
  private lineFunction: number[] = [];
  private lineNumber = new GrowF64();
  private lineColumn = new GrowF64();

  private stackStart = new GrowU32();
  private stackLocs = new GrowU32();
  private values: GrowF64[] = [];
  private labelStart = new GrowU32();
  private labelKey = new GrowU32();
  private labelStr = new GrowU32();
  private labelNum = new GrowF64();
  private labelNumUnit = new GrowU32();

  /** Interns s and returns its string index. */
  string(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  valueType(type: string, unit: string): ValueType {
    return { type: this.string(type), unit: this.string(unit) };
  }

  addSampleType(type: string, unit: string): void {
    this.sampleTypes.push(this.valueType(type, unit));
    this.values.push(new GrowF64());
  }

  /** Adds a mapping and returns its index. */
  addMapping(m: Partial<Mapping> & { start: bigint; limit: bigint }): number {
    this.mappings.push({
      id: m.id ?? this.mappings.length + 1,
      start: m.start,
      limit: m.limit,
      offset: m.offset ?? 0n,
      file: m.file ?? 0,
      buildId: m.buildId ?? 0,
      hasFunctions: m.hasFunctions ?? false,
      hasFilenames: m.hasFilenames ?? false,
      hasLineNumbers: m.hasLineNumbers ?? false,
      hasInlineFrames: m.hasInlineFrames ?? false,
    });
    return this.mappings.length - 1;
  }

  /** Adds a function and returns its index. */
  addFunction(name: string, systemName: string, filename: string, startLine = 0, id?: number): number {
    const i = this.fnId.n;
    this.fnId.push(id ?? i + 1);
    this.fnName.push(this.string(name));
    this.fnSystemName.push(this.string(systemName));
    this.fnFilename.push(this.string(filename));
    this.fnStartLine.push(startLine);
    return i;
  }

  get functionCount(): number {
    return this.fnId.n;
  }

  get locationCount(): number {
    return this.locId.n;
  }

  get sampleCount(): number {
    return this.stackStart.n;
  }

  /** Adds a location (lines innermost first) and returns its index. */
  addLocation(address: bigint, mapping: number, lines: BuilderLine[], isFolded = false, id?: number): number {
    const i = this.locId.n;
    this.locId.push(id ?? i + 1);
    this.locMapping.push(mapping);
    this.locAddress.push(address);
    this.locFolded.push(isFolded ? 1 : 0);
    this.locLineStart.push(this.lineNumber.n);
    for (const l of lines) {
      this.lineFunction.push(l.function);
      this.lineNumber.push(l.line);
      this.lineColumn.push(l.column ?? 0);
    }
    return i;
  }

  /** Adds a sample: location indexes leaf first, one value per sample type. */
  addSample(locs: ArrayLike<number>, values: ArrayLike<number>, labels: BuilderLabel[] = []): void {
    this.stackStart.push(this.stackLocs.n);
    for (let k = 0; k < locs.length; k++) this.stackLocs.push(locs[k]);
    for (let t = 0; t < this.values.length; t++) this.values[t].push(values[t] ?? 0);
    this.labelStart.push(this.labelKey.n);
    for (const l of labels) {
      this.labelKey.push(this.string(l.key));
      this.labelStr.push(l.str !== undefined ? this.string(l.str) : 0);
      this.labelNum.push(l.num ?? 0);
      this.labelNumUnit.push(l.numUnit !== undefined ? this.string(l.numUnit) : 0);
    }
  }

  build(): Profile {
    const nLoc = this.locId.n;
    const lineStart = new Uint32Array(nLoc + 1);
    lineStart.set(this.locLineStart.done());
    lineStart[nLoc] = this.lineNumber.n;
    const nSamples = this.stackStart.n;
    const stackStart = new Uint32Array(nSamples + 1);
    stackStart.set(this.stackStart.done());
    stackStart[nSamples] = this.stackLocs.n;
    const labelStart = new Uint32Array(nSamples + 1);
    labelStart.set(this.labelStart.done());
    labelStart[nSamples] = this.labelKey.n;
    return {
      strings: this.strings,
      sampleTypes: this.sampleTypes,
      samples: {
        count: nSamples,
        stackStart,
        stackLocs: this.stackLocs.done(),
        values: this.values.map((v) => v.done()),
        labelStart,
        labelKey: this.labelKey.done(),
        labelStr: this.labelStr.done(),
        labelNum: this.labelNum.done(),
        labelNumUnit: this.labelNumUnit.done(),
      },
      mappings: this.mappings,
      locations: {
        count: nLoc,
        id: this.locId.done(),
        mapping: Int32Array.from(this.locMapping),
        address: BigUint64Array.from(this.locAddress),
        isFolded: Uint8Array.from(this.locFolded),
        lineStart,
        lineFunction: Int32Array.from(this.lineFunction),
        lineNumber: this.lineNumber.done(),
        lineColumn: this.lineColumn.done(),
      },
      functions: {
        count: this.fnId.n,
        id: this.fnId.done(),
        name: this.fnName.done(),
        systemName: this.fnSystemName.done(),
        filename: this.fnFilename.done(),
        startLine: this.fnStartLine.done(),
      },
      dropFrames: this.dropFrames,
      keepFrames: this.keepFrames,
      timeNanos: this.timeNanos,
      durationNanos: this.durationNanos,
      periodType: this.periodType,
      period: this.period,
      comments: this.comments,
      defaultSampleType: this.defaultSampleType,
      docUrl: this.docUrl,
    };
  }
}
