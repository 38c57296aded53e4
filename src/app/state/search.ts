// The search box's text as the regexp views highlight with: a valid JS
// regular expression as typed, otherwise the literal text.
export function searchRegexp(text: string): { source: string; literal: boolean } {
  if (text === '') return { source: '', literal: false };
  try {
    new RegExp(text);
    return { source: text, literal: false };
  } catch {
    return { source: text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'), literal: true };
  }
}
