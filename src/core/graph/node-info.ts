// graph.NodeInfo: what identifies a node at the chosen granularity, and the
// names pprof prints for it.
import { basePath } from './paths';

export interface NodeInfo {
  name: string;
  origName: string;
  address: bigint; // 0n = none
  file: string;
  startLine: number;
  lineno: number;
  objfile: string;
}

/** NodeInfo.NameComponents. */
export function nameComponents(i: NodeInfo): string[] {
  const name: string[] = [];
  if (i.address !== 0n) name.push(i.address.toString(16).padStart(16, '0'));
  if (i.name !== '') name.push(i.name);
  if (i.lineno !== 0) name.push(`${i.file}:${i.lineno}`);
  else if (i.file !== '') name.push(i.file);
  else if (i.name !== '') {
    // the function name is already there
  } else if (i.objfile !== '') name.push('[' + basePath(i.objfile) + ']');
  else name.push('<unknown>');
  return name;
}

/** NodeInfo.PrintableName. */
export function printableName(i: NodeInfo): string {
  return nameComponents(i).join(' ');
}

/** fmt.Sprint(info): pprof's last-resort tie breaker between nodes. */
export function infoSprint(i: NodeInfo): string {
  return `{${i.name} ${i.origName} ${i.address} ${i.file} ${i.startLine} ${i.lineno} ${i.objfile}}`;
}

/** A map key equal for equal NodeInfos. */
export function infoKey(i: NodeInfo): string {
  return `${i.name}\u0000${i.origName}\u0000${i.address}\u0000${i.file}\u0000${i.startLine}\u0000${i.lineno}\u0000${i.objfile}`;
}
