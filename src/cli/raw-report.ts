// `-raw` and `-proto`: pprof writes the profile after the driver's filters
// (focus, ignore, tagfocus ...; with none, FilterSamplesByName still drops
// samples with an empty stack) at address granularity with inlines kept, i.e.
// with no aggregation: as text (Profile.String) or as gzipped protobuf.
import { gzipSync } from 'node:zlib';
import { scaleByRatio } from '../core/report/report';
import { encodeProto } from '../core/profile/encode-proto';
import type { Profile } from '../core/profile/model';
import { profileToString } from '../core/profile/to-string';
import { applyQuery } from '../core/query/index';
import type { Options } from '../core/query/options';

export function rawReport(p: Profile, o: Options): { stdout: string; warnings: string[] } {
  const q = applyQuery(p, o);
  return { stdout: profileToString(q.profile), warnings: q.warnings };
}

export function protoReport(p: Profile, o: Options): { bytes: Uint8Array; warnings: string[] } {
  const q = applyQuery(p, o);
  // -divide_by: pprof's printProto truncates every value, keeping every sample.
  const r = 1 / (o.divideBy ?? 1);
  const S = q.profile.samples;
  const out = r === 1 ? q.profile : { ...q.profile, samples: { ...S, values: S.values.map((col) => col.map((v) => scaleByRatio(v, r))) } };
  return { bytes: gzipSync(encodeProto(out)), warnings: q.warnings };
}
