// The title over every view, as pprof's web UI shows it: File, Type, Time,
// Duration, then the legend lines and pprof's warnings. Text only.
import type { ViewHeader } from '../../worker/view-protocol';

export function ViewTitle({ header }: { header: ViewHeader }) {
  return (
    <section className="view-title" aria-label="Profile details">
      <div className="title-lines">
        {header.lines.map((l, i) => (
          <p key={i} className="title-line">
            {l}
          </p>
        ))}
      </div>
      {header.legend.length > 0 && (
        <div className="legend">
          {header.legend.map((l, i) => (
            <p key={i} className={l.startsWith('   ') ? 'legend-line indent' : 'legend-line'}>
              {l}
            </p>
          ))}
        </div>
      )}
      {header.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {header.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
