/** A regexp that matches the name itself: pprof's web UI quotemeta (common.js). */
export function quotemeta(s: string): string {
  return s.replace(/([\\.?+*[\](){}|^$])/g, '\\$1');
}
