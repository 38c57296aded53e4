// Messages between the page and the engine worker. Plain structured-clone
// messages. A profile goes over as a Blob (the dropped File itself): posting a
// Blob copies no bytes, the worker reads it, and the page keeps the Blob to
// load it again into a fresh worker after a runaway query.
import type { ProfileSummary } from './summary';
import type { ViewRequest, ViewResponse } from './view-protocol';

/** A profile file as the page hands it over. */
export interface ProfileFile {
  fileName: string;
  data: Blob;
}

export interface OpenRequest extends ProfileFile {
  id: number;
  kind: 'open';
  /** A base profile to subtract, as `go tool pprof -diff_base`. */
  base?: ProfileFile;
}

export interface ViewMessage {
  id: number;
  kind: 'view';
  req: ViewRequest;
}

export interface DownloadRequest {
  id: number;
  kind: 'download';
}

/** Drops queued requests with these ids (one already running cannot be stopped: the page terminates the worker). */
export interface CancelRequest {
  id: number;
  kind: 'cancel';
  ids: number[];
}

export type EngineRequest = OpenRequest | ViewMessage | DownloadRequest | CancelRequest;

export type LoadPhase = 'read' | 'inflate' | 'decode';

/** Sent during an open: bytes of the file processed so far in a phase. */
export interface ProgressEvent {
  id: number;
  kind: 'progress';
  phase: LoadPhase;
  /** Bytes read (read), compressed bytes consumed (inflate), or the decoded size (decode). */
  done: number;
  total: number;
  /** Bytes inflated so far (inflate phase). */
  inflated?: number;
}

export type OpenResponse =
  | { id: number; kind?: 'open'; ok: true; summary: ProfileSummary }
  | { id: number; kind?: 'open'; ok: false; message: string };

export type ViewResult =
  | { id: number; kind: 'view'; ok: true; response: ViewResponse }
  | {
      id: number;
      kind: 'view';
      ok: false;
      message: string;
      /** Dropped because a newer view request replaced it: the page ignores it. */
      superseded?: boolean;
      /** Stopped by the page's time limit (the worker was restarted). */
      cancelled?: boolean;
    };

export type DownloadResult =
  | { id: number; kind: 'download'; ok: true; fileName: string; bytes: ArrayBuffer }
  | { id: number; kind: 'download'; ok: false; message: string };

/** Kept for the open request's callers: the final answer to an open. */
export type EngineResponse = OpenResponse;

export type EngineMessage = ProgressEvent | OpenResponse | ViewResult | DownloadResult;

/** A view that runs longer than this is stopped (the worker restarted): 8 s, plus 1 s for each 2 MB of the file. */
export const VIEW_TIME_LIMIT_MS = 8000;
export function viewTimeLimitMs(fileBytes: number, base = VIEW_TIME_LIMIT_MS): number {
  return base + Math.round((fileBytes * 1000) / (2 * 1024 * 1024));
}
