// DOWNLOAD: the profile (.pb.gz, re-encoded by the engine) and, for the graph
// and the flame graph, the drawing as SVG or PNG.
import { useAppStore } from '../state/app-store';
import { engine } from '../state/app-store';
import { findExportSvg, saveBlob, svgText, svgToPng } from './export-image';
import { MenuButton } from './menu-button';

export const VIEW_ROOT_SELECTOR = '[data-view-root]';

function baseName(fileName: string): string {
  return fileName.replace(/\.(pb\.gz|pb|prof|pprof|gz|txt|out)$/i, '') || 'profile';
}

export function DownloadMenu() {
  const view = useAppStore((s) => s.url.view);
  const responseFor = useAppStore((s) => s.responseFor);
  const summary = useAppStore((s) => s.summary);
  const setError = useAppStore((s) => s.setError);
  const drawable = (view === 'graph' || view === 'flamegraph') && responseFor === view;

  async function profile() {
    const r = await engine.download();
    if (r.ok) saveBlob(new Blob([r.bytes], { type: 'application/octet-stream' }), r.fileName);
    else setError(r.message);
  }

  function svg() {
    const root = document.querySelector(VIEW_ROOT_SELECTOR);
    const el = root ? findExportSvg(root) : null;
    if (!el) {
      setError('There is no drawing to download yet: wait for the view to appear.');
      return null;
    }
    return svgText(el);
  }

  const name = `${baseName(summary?.fileName ?? 'profile')}-${view}`;
  return (
    <MenuButton
      label="DOWNLOAD"
      items={[
        { label: 'Profile (.pb.gz)', disabled: !summary, onSelect: () => void profile() },
        {
          label: 'View as SVG',
          disabled: !drawable,
          onSelect: () => {
            const s = svg();
            if (s) saveBlob(new Blob([s.text], { type: 'image/svg+xml' }), `${name}.svg`);
          },
        },
        {
          label: 'View as PNG',
          disabled: !drawable,
          onSelect: () => {
            const s = svg();
            if (!s) return;
            svgToPng(s).then(
              (b) => saveBlob(b, `${name}.png`),
              (e: unknown) => setError(`Could not make the PNG (${e instanceof Error ? e.message : String(e)}): download the SVG instead.`),
            );
          },
        },
      ]}
    />
  );
}
