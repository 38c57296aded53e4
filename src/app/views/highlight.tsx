// Search highlighting for names from the profile: the matched parts wrapped in
// <mark>, everything as React text (names are untrusted, never HTML).
import type { ReactNode } from 'react';

/** The search box's source as a global RegExp, or null for no search. */
export function searchPattern(search: string): RegExp | null {
  if (search === '') return null;
  try {
    return new RegExp(search, 'g');
  } catch {
    return null;
  }
}

export function matches(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  const m = re.test(text);
  re.lastIndex = 0;
  return m;
}

/** Splits text around the matches of re (empty matches are skipped). */
export function splitMatches(re: RegExp, text: string): { text: string; match: boolean }[] {
  const out: { text: string; match: boolean }[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      if (re.lastIndex > text.length) break;
      continue;
    }
    if (m.index > last) out.push({ text: text.slice(last, m.index), match: false });
    out.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  re.lastIndex = 0;
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}

export function Highlight({ text, re }: { text: string; re: RegExp | null }): ReactNode {
  if (!re) return text;
  const parts = splitMatches(re, text);
  if (!parts.some((p) => p.match)) return text;
  return parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>));
}

