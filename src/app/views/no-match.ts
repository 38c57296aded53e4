// What Peek and Source say when their regexp matches no function. Entries of
// unsymbolized code (<unknown>, [stripped], a bare address) are nodes of Top
// and Graph but not functions: pprof finds nothing for them either, so say why.
// A bracket as quotemeta escapes it ([stripped], [vdso]), not a character class.
const UNNAMED = /<unknown>|\\\[|\b0x[0-9a-f]+/i;

export function noMatchText(symbol: string, view: 'Peek' | 'Source'): string {
  const text = `No function matches “${symbol}”. Search or select functions in another view, then choose ${view}.`;
  if (!UNNAMED.test(symbol)) return text;
  return `${text} Entries such as <unknown>, [stripped] or a bare address have no function name, so ${view} has nothing to show for them.`;
}
