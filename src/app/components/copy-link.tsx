// "Copy link": the permalink of the view on screen, numbers included. The link
// is also shown in a text field, selected, because the clipboard may be refused
// (no permission, an insecure origin). A large dropped profile needs the
// person's go-ahead to be uploaded to the CLI's share store ("Share"), or, on a
// static host, cannot be linked: then it offers the download instead.
import { useEffect, useRef, useState } from 'react';
import { engine, useAppStore } from '../state/app-store';
import { MAX_INLINE_BYTES } from '../state/permalink';
import { planLink, postShare, serverCanShare, sizeText, type LinkPlan } from '../state/share-link';
import { appBase } from '../state/url-state';
import { saveBlob } from './export-image';

type Panel = { kind: 'link'; href: string; copied: boolean } | { kind: 'ask'; plan: Extract<LinkPlan, { kind: 'share' | 'too-big' }> } | null;

export function CopyLink() {
  const url = useAppStore((s) => s.url);
  const summary = useAppStore((s) => s.summary);
  const setSource = useAppStore((s) => s.setSource);
  const setError = useAppStore((s) => s.setError);
  const [panel, setPanel] = useState<Panel>(null);
  const [working, setWorking] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // A new view or profile makes the shown link stale.
  useEffect(() => setPanel(null), [url, summary]);
  useEffect(() => {
    // Selected and focused, so Ctrl+C copies it when the clipboard was refused.
    if (panel?.kind === 'link' && !panel.copied) {
      field.current?.focus();
      field.current?.select();
    }
  }, [panel]);

  const base = appBase(window.location.pathname);

  async function copy() {
    const href = window.location.href;
    let copied = false;
    try {
      await navigator.clipboard.writeText(href);
      copied = true;
    } catch {
      copied = false; // the field below, selected, is the way then
    }
    setPanel({ kind: 'link', href, copied });
  }

  async function onCopy() {
    setWorking('Preparing the link…');
    try {
      const plan = await planLink(useAppStore.getState().source?.kind, { download: () => engine.download(), canShare: () => serverCanShare(base) });
      if (plan.kind === 'error') setError(plan.message);
      else if (plan.kind === 'share' || plan.kind === 'too-big') setPanel({ kind: 'ask', plan });
      else {
        if (plan.kind === 'inline') setSource({ kind: 'inline', p: plan.p });
        await copy();
      }
    } finally {
      setWorking(null);
    }
  }

  async function onShare(bytes: ArrayBuffer) {
    setWorking('Saving the profile to the share store…');
    try {
      const id = await postShare(base, bytes);
      setSource({ kind: 'share', id });
      await copy();
    } catch (e) {
      setPanel(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setWorking(null);
    }
  }

  if (!summary) return null;
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void onCopy()} disabled={working !== null}>
        Copy link
      </button>
      <p role="status" className="copy-link-status">
        {working ?? (panel?.kind === 'link' ? (panel.copied ? 'Link copied' : 'Copy the selected link below (Ctrl+C).') : '')}
      </p>
      {panel && (
        <section className="copy-link-panel" aria-label="Link to this view">
          {panel.kind === 'link' ? (
            <label>
              Link
              <input ref={field} type="text" readOnly value={panel.href} onFocus={(e) => e.currentTarget.select()} />
            </label>
          ) : panel.plan.kind === 'share' ? (
            <>
              <p>
                This profile is {sizeText(panel.plan.size)} gzipped: too big to travel inside a link (at most {sizeText(MAX_INLINE_BYTES)}). Share saves
                it in this tsprof-web server&apos;s share store, and the link names it.
              </p>
              <button type="button" className="primary" disabled={working !== null} onClick={() => void onShare((panel.plan as { bytes: ArrayBuffer }).bytes)}>
                Share
              </button>
            </>
          ) : (
            <>
              <p>
                This profile is {sizeText(panel.plan.size)} gzipped: too big to put in a link (at most {sizeText(MAX_INLINE_BYTES)}), and this page has no
                share store (run <code>npx tsprof-web -http=:6001</code> to get one). Download the profile and send the file instead.
              </p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const p = panel.plan as { bytes: ArrayBuffer; fileName: string };
                  saveBlob(new Blob([p.bytes], { type: 'application/octet-stream' }), p.fileName);
                }}
              >
                Download profile
              </button>
            </>
          )}
          <button type="button" onClick={() => setPanel(null)}>
            Close
          </button>
        </section>
      )}
    </div>
  );
}
