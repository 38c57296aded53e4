// The Source view: `-list=RE` per matched function: the ROUTINE line, its
// flat/cum total and each line's flat and cum beside the source text. The page
// cannot read files by their names in the profile: the person adds the source
// files or folder here (kept in source-files.ts, sent with the request);
// without them the lines that carry samples are listed by number only.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { SourceData, SourceRoutine } from '../../core/view/source';
import type { ViewProps } from './view-props';
import { Highlight, matches, searchPattern } from './highlight';
import { addSourceFiles, clearSourceFiles, sourceFileCount, sourceFilesVersion, sourceTexts, subscribeSourceFiles } from './source-files';
import { noMatchText } from './no-match';
import './source-view.css';

/** Routines drawn at first; more on request (an empty regexp matches every function). */
const PAGE = 20;

export function SourceView(props: ViewProps<SourceData>) {
  const { response, search, onRequest } = props;
  const { routines, symbol, totalLabel, sourcesGiven } = response.data;
  const version = useSyncExternalStore(subscribeSourceFiles, sourceFilesVersion);
  const [note, setNote] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const asked = useRef(-1);
  const re = useMemo(() => searchPattern(search), [search]);

  useEffect(() => setShown(PAGE), [routines]);

  // The engine's answer lacks files the page holds (added here, or the shell
  // asked without them): ask again with them, once per change of the files.
  useEffect(() => {
    const count = sourceFileCount();
    if (count > 0 && sourcesGiven !== count && asked.current !== version) {
      asked.current = version;
      onRequest({ sources: sourceTexts() });
    }
  }, [version, sourcesGiven, onRequest]);

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const res = await addSourceFiles(Array.from(list));
    const parts = [`Added ${res.added} source ${res.added === 1 ? 'file' : 'files'}.`];
    if (res.skipped.length > 0) {
      const few = res.skipped.slice(0, 5).join(', ');
      parts.push(`Skipped ${res.skipped.length}: ${few}${res.skipped.length > 5 ? ', …' : ''}.`);
    }
    setNote(parts.join(' '));
  };

  const count = sourceFileCount();
  const missing = routines.some((r) => r.file !== '' && r.sourcePath === null);
  return (
    <div className="source-view">
      <div className="source-toolbar" role="group" aria-label="Source files">
        <FilePicker label="Add source files" onFiles={onFiles} />
        <FilePicker label="Add source folder" folder onFiles={onFiles} />
        {count > 0 && (
          <button
            type="button"
            onClick={() => {
              clearSourceFiles();
              setNote(null);
              onRequest({ sources: undefined });
            }}
          >
            Forget source files
          </button>
        )}
        <span role="status" className="source-note">
          {note ?? (count > 0 ? `${count} source ${count === 1 ? 'file' : 'files'} added.` : '')}
        </span>
      </div>
      {missing && (
        <p className="source-hint">
          Without the source text, only the lines that carry samples are listed, by number. To see the code, add the
          source files or their folder with the buttons above (files are matched by the end of their path, e.g.
          internal/encode/encode.go), or start the viewer with <code>npx tsprof-web -http=:6001 -source_path=DIR profile</code>{' '}
          so that it reads them.
        </p>
      )}
      {routines.length === 0 ? (
        <p role="status" className="source-empty">
          {noMatchText(symbol, 'Source')}
        </p>
      ) : (
        <>
          <p className="source-total">Total: {totalLabel}</p>
          {routines.slice(0, shown).map((r, k) => (
            <Routine key={`${r.name}\u0000${r.file}\u0000${k}`} r={r} re={re} />
          ))}
          {routines.length > shown && (
            <button type="button" className="source-more" onClick={() => setShown((n) => n + PAGE * 4)}>
              Show {Math.min(PAGE * 4, routines.length - shown)} more of {routines.length - shown} routines
            </button>
          )}
        </>
      )}
    </div>
  );
}

function FilePicker({ label, folder, onFiles }: { label: string; folder?: boolean; onFiles(l: FileList | null): void }) {
  const ref = useRef<HTMLInputElement>(null);
  // webkitdirectory is not in React's types: set it on the element.
  useEffect(() => {
    if (folder && ref.current) ref.current.setAttribute('webkitdirectory', '');
  }, [folder]);
  return (
    <>
      <button type="button" onClick={() => ref.current?.click()}>
        {label}
      </button>
      <input
        ref={ref}
        type="file"
        multiple
        hidden
        aria-label={label}
        onChange={(ev) => {
          onFiles(ev.currentTarget.files);
          ev.currentTarget.value = '';
        }}
      />
    </>
  );
}

function Routine({ r, re }: { r: SourceRoutine; re: RegExp | null }) {
  const hit = matches(re, r.name);
  if (r.file === '') {
    return (
      <section className="routine" aria-label={`Source of ${r.name}`}>
        <h3 className={hit ? 'match' : undefined}>
          <Highlight text={r.name} re={re} />
        </h3>
        <p className="source-hint">No source information for this function in the profile.</p>
      </section>
    );
  }
  const withText = r.sourcePath !== null;
  return (
    <section className="routine" aria-label={`Source of ${r.name}`}>
      <h3 className={hit ? 'match' : undefined}>
        <span className="routine-tag">ROUTINE</span> <Highlight text={r.name} re={re} /> <span className="routine-in">in</span>{' '}
        <span className="routine-file">{r.file}</span>
      </h3>
      <p className="routine-total">
        <span className={r.flat < 0 ? 'neg' : undefined}>{r.flatLabel}</span> flat,{' '}
        <span className={r.cum < 0 ? 'neg' : undefined}>{r.cumLabel}</span> cum ({r.percent} of Total)
        {withText && <span className="routine-src"> · source: {r.sourcePath}</span>}
      </p>
      <table className="source-lines" aria-label={`Lines of ${r.name}`}>
        <thead>
          <tr>
            <th scope="col">Flat</th>
            <th scope="col">Cum</th>
            <th scope="col">Line</th>
            {withText && <th scope="col">Source</th>}
          </tr>
        </thead>
        <tbody>
          {r.lines.map((l) => (
            <tr key={l.line} className={l.flat !== 0 || l.cum !== 0 ? 'hot' : undefined}>
              <td className={l.flat < 0 ? 'num neg' : 'num'}>{l.flatLabel}</td>
              <td className={l.cum < 0 ? 'num neg' : 'num'}>{l.cumLabel}</td>
              <td className="num lineno">{l.line}</td>
              {withText && <td className="code">{l.text}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
