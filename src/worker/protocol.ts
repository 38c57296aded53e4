// Messages between the page and the engine worker. Plain structured-clone
// messages; the file's ArrayBuffer is transferred, not copied.
import type { ProfileSummary } from './summary';

export interface OpenRequest {
  id: number;
  kind: 'open';
  fileName: string;
  bytes: ArrayBuffer;
}

export type EngineRequest = OpenRequest;

export type EngineResponse =
  | { id: number; ok: true; summary: ProfileSummary }
  | { id: number; ok: false; message: string };
