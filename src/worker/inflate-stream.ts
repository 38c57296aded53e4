// Gunzip with the browser's native DecompressionStream, chunk by chunk, so the
// page can show how far a large file has got. Falls back to the caller (the
// core's pako reader) when the stream is unavailable or the data is corrupt:
// that reader has the precise error messages.

export interface InflateProgress {
  (consumed: number, inflated: number): void;
}

/** Inflated bytes, or null when the native stream cannot do it (the caller then uses the core's gunzip). */
export async function inflateNative(
  gz: Uint8Array,
  maxBytes: number,
  onProgress: InflateProgress,
): Promise<Uint8Array | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  try {
    const ds = new DecompressionStream('gzip');
    const writer = ds.writable.getWriter();
    const CHUNK = 1 << 20;
    let consumed = 0;
    // Feed in chunks so progress reflects the compressed bytes consumed.
    const feed = (async () => {
      for (let off = 0; off < gz.length; off += CHUNK) {
        const end = Math.min(gz.length, off + CHUNK);
        await writer.write(gz.slice(off, end));
        consumed = end;
      }
      await writer.close();
    })();
    feed.catch(() => {}); // the reader reports the failure
    const reader = ds.readable.getReader();
    const parts: Uint8Array[] = [];
    // (slice: a copy the stream may own)
    let size = 0;
    let lastReport = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        void reader.cancel();
        return null; // let the core say how big is too big
      }
      parts.push(value);
      if (size - lastReport >= 4 << 20) {
        lastReport = size;
        onProgress(consumed, size);
      }
    }
    await feed;
    const out = new Uint8Array(size);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    onProgress(gz.length, size);
    return out;
  } catch {
    return null;
  }
}
