// What the open profile holds: its header facts (pprof's File/Type/Time/
// Duration) and each sample type with the total pprof would print.
// All strings come from the file: React text nodes only, never HTML.
import type { ReactNode } from 'react';
import type { ProfileSummary, SampleTypeSummary } from '../../worker/summary';

const count = new Intl.NumberFormat('en-US');

function bytesLabel(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function TypeRow({ t, isDefault, signed }: { t: SampleTypeSummary; isDefault: boolean; signed: boolean }) {
  return (
    <tr className={isDefault ? 'default-type' : undefined}>
      <th scope="row">
        <span className="type-name">{t.type}</span>
        {isDefault && <span className="badge">default</span>}
      </th>
      <td>{t.unit}</td>
      <td className="num">{t.totalLabel}</td>
      <td className="num">{count.format(t.total)}</td>
      {signed && <td className="num">{t.netLabel}</td>}
      {signed && <td className="num">{count.format(t.negativeRecords)}</td>}
    </tr>
  );
}

export function SummaryView({ s, actions }: { s: ProfileSummary; actions?: ReactNode }) {
  const signed = s.sampleTypes.some((t) => t.negativeRecords > 0);
  const def = s.sampleTypes[s.defaultSampleType];
  return (
    <section aria-labelledby="summary-title" className="summary">
      <div className="summary-heading">
        <h2 id="summary-title">{s.fileName}</h2>
        {actions}
      </div>
      <dl className="facts">
        {s.mainBinary !== '' && (
          <div>
            <dt>File</dt>
            <dd>{s.mainBinary}</dd>
          </div>
        )}
        {def && (
          <div>
            <dt>Type</dt>
            <dd>{def.type}</dd>
          </div>
        )}
        {s.timeLabel && s.time && (
          <div>
            <dt>Time</dt>
            <dd>
              <time dateTime={s.time}>{s.timeLabel}</time>
            </dd>
          </div>
        )}
        {s.durationLabel && (
          <div>
            <dt>Duration</dt>
            <dd>{s.durationLabel}</dd>
          </div>
        )}
        {s.periodLabel && s.periodType && (
          <div>
            <dt>Period</dt>
            <dd>
              {s.periodLabel} ({s.periodType.type})
            </dd>
          </div>
        )}
        <div>
          <dt>Sample records</dt>
          <dd>{count.format(s.records)}</dd>
        </div>
        <div>
          <dt>Locations</dt>
          <dd>{count.format(s.locations)}</dd>
        </div>
        <div>
          <dt>Functions</dt>
          <dd>{count.format(s.functions)}</dd>
        </div>
        <div>
          <dt>Mappings</dt>
          <dd>{count.format(s.mappings)}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>
            {bytesLabel(s.byteLength)}, read in {Math.max(1, Math.round(s.parseMs))} ms
          </dd>
        </div>
      </dl>
      <table className="sample-types">
        <caption>Sample types</caption>
        <thead>
          <tr>
            <th scope="col">Sample type</th>
            <th scope="col">Unit</th>
            <th scope="col">Total</th>
            <th scope="col">Exact total</th>
            {signed && <th scope="col">Net</th>}
            {signed && <th scope="col">Negative records</th>}
          </tr>
        </thead>
        <tbody>
          {s.sampleTypes.map((t, i) => (
            <TypeRow key={i} t={t} isDefault={i === s.defaultSampleType} signed={signed} />
          ))}
        </tbody>
      </table>
      {signed && (
        <p className="note">
          Some values are negative (a delta or a diff profile): as in pprof, the total is the sum of absolute
          values; Net is the signed sum.
        </p>
      )}
      {s.comments.length > 0 && (
        <>
          <h3>Comments</h3>
          <ul className="comments">
            {s.comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
