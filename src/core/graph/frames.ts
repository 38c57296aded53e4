// Interns every (location, line) frame of a profile into node ids once, at the
// chosen granularity (pprof's profile.Aggregate + graph.CreateNodes), so graph
// building walks typed arrays of node ids instead of creating objects.
import type { Profile } from '../profile/model';
import type { Granularity } from '../query/options';
import { cleanPath, trimSourcePath } from './paths';
import { infoKey, type NodeInfo } from './node-info';

export interface FrameOptions {
  granularity?: Granularity; // default 'functions'
  noInlines?: boolean;
  objNames?: boolean; // keep the binary name and start line (list reports)
  trimPath?: string;
  sourcePath?: string;
}

export interface FrameTable {
  infos: NodeInfo[]; // node id -> info
  // Frames of location l: frames[locStart[l] .. locStart[l+1]-1], innermost
  // first like the location's lines; each is a node id.
  locStart: Uint32Array;
  frames: Int32Array;
}

export function internFrames(p: Profile, o: FrameOptions = {}): FrameTable {
  const g = o.granularity ?? 'functions';
  const inlines = !o.noInlines;
  let fn = false;
  let file = false;
  let line = false;
  let addr = false;
  let keepAll = false;
  switch (g) {
    case 'addresses':
      if (inlines) keepAll = true;
      fn = file = line = addr = true;
      break;
    case 'lines':
      fn = file = line = true;
      break;
    case 'files':
      file = true;
      break;
    case 'functions':
      fn = true;
      break;
    case 'filefunctions':
      fn = file = true;
      break;
  }
  if (keepAll) fn = file = line = addr = true;

  const F = p.functions;
  const fnName: string[] = new Array(F.count);
  const fnFile: string[] = new Array(F.count);
  for (let f = 0; f < F.count; f++) {
    fnName[f] = fn ? (p.strings[F.name[f]] ?? '') : '';
    let fname = file ? (p.strings[F.filename[f]] ?? '') : '';
    fname = trimSourcePath(fname, o.trimPath ?? '', o.sourcePath ?? '');
    fnFile[f] = fname !== '' ? cleanPath(fname) : '';
  }

  const L = p.locations;
  const infos: NodeInfo[] = [];
  const ids = new Map<string, number>();
  const intern = (ni: NodeInfo): number => {
    const k = infoKey(ni);
    let id = ids.get(k);
    if (id === undefined) {
      id = infos.length;
      infos.push(ni);
      ids.set(k, id);
    }
    return id;
  };

  const locStart = new Uint32Array(L.count + 1);
  const frames: number[] = [];
  for (let l = 0; l < L.count; l++) {
    locStart[l] = frames.length;
    const m = L.mapping[l];
    const objfile = m >= 0 ? (p.strings[p.mappings[m].file] ?? '') : '';
    const address = addr ? L.address[l] : 0n;
    let a = L.lineStart[l];
    const b = L.lineStart[l + 1];
    if (a === b) {
      frames.push(intern({ name: '', origName: '', address, file: '', startLine: 0, lineno: 0, objfile }));
      continue;
    }
    if (!inlines && b - a > 1) a = b - 1; // keep the outermost frame only
    for (let k = a; k < b; k++) {
      const f = L.lineFunction[k];
      if (f < 0) {
        frames.push(intern({ name: '', origName: '', address, file: '', startLine: 0, lineno: 0, objfile }));
        continue;
      }
      const ni: NodeInfo = {
        name: fnName[f],
        origName: '',
        address,
        file: fnFile[f],
        startLine: 0,
        lineno: line ? L.lineNumber[k] : 0,
        objfile: '',
      };
      if (o.objNames || ni.name === '') {
        ni.objfile = objfile;
        ni.startLine = F.startLine[f];
      }
      frames.push(intern(ni));
    }
  }
  locStart[L.count] = frames.length;
  return { infos, locStart, frames: Int32Array.from(frames) };
}

/**
 * Marks the node ids that some location holds as an inlined frame (any but the
 * outermost line): only edges into these can be inline, which is all a text
 * report reads of the edges.
 */
export function inlinedNodes(ft: FrameTable): Uint8Array {
  const marks = new Uint8Array(ft.infos.length);
  const { locStart, frames } = ft;
  for (let l = 0; l + 1 < locStart.length; l++) {
    for (let k = locStart[l]; k < locStart[l + 1] - 1; k++) marks[frames[k]] = 1;
  }
  return marks;
}
