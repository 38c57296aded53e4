// The search box: a regular expression (the literal text when it is not a
// valid one), debounced, handed to every view as `search` to highlight.
import { useEffect, useState } from 'react';
import { searchRegexp } from '../state/search';

export const SEARCH_INPUT_ID = 'search';
const DEBOUNCE_MS = 200;

interface Props {
  onSearch(source: string): void;
}

export function SearchBox({ onSearch }: Props) {
  const [text, setText] = useState('');
  const { literal } = searchRegexp(text);
  useEffect(() => {
    const t = setTimeout(() => onSearch(searchRegexp(text).source), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, onSearch]);
  return (
    <div className="search">
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        aria-label="Search"
        aria-describedby="search-hint"
        placeholder="Search regexp  ( / )"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={text}
        onChange={(ev) => setText(ev.currentTarget.value)}
        // Leaving the box (to click REFINE, say) or Enter applies the text now:
        // a menu must not act on the text of 200 ms ago.
        onBlur={() => onSearch(searchRegexp(text).source)}
        onKeyDown={(ev) => {
          if (ev.key === 'Enter') onSearch(searchRegexp(text).source);
          if (ev.key === 'Escape' && text !== '') {
            ev.stopPropagation();
            setText('');
          }
        }}
      />
      <span id="search-hint" className="search-hint">
        {literal ? 'not a valid regexp: searching for the literal text' : ''}
      </span>
    </div>
  );
}
