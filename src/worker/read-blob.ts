// Reads a File (or any Blob) in the worker, chunk by chunk: the page hands the
// File over without reading it (posting a Blob copies no bytes), so the main
// thread never holds or copies a large profile, and the page can show how far
// reading has got.

export async function readBlob(blob: Blob, onProgress: (done: number, total: number) => void): Promise<Uint8Array> {
  const total = blob.size;
  // Small files: one read.
  if (total < 4 << 20 || typeof blob.stream !== 'function') return new Uint8Array(await blob.arrayBuffer());
  const out = new Uint8Array(total);
  const reader = blob.stream().getReader();
  let n = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > total) throw new Error('the file grew while it was read');
    out.set(value, n);
    n += value.length;
    if (n - lastReport >= 4 << 20) {
      lastReport = n;
      onProgress(n, total);
    }
  }
  onProgress(n, total);
  return n === total ? out : out.subarray(0, n);
}
