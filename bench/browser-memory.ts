// Memory of the tab: the main thread's JS heap (CDP Performance.getMetrics)
// and the resident memory of Chromium's processes read from /proc, found with
// CDP SystemInfo.getProcessInfo. A dedicated worker is a thread of its page's
// renderer process, so the renderer's RSS covers the page and the worker.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

export interface ProcessMemory {
  type: string; // browser, renderer, GPU, utility...
  pid: number;
  rssMB: number; // VmRSS now
  peakMB: number; // VmHWM: the peak resident set since the process started
  cpuSeconds: number;
}

function statusKB(pid: number, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Chromium's processes with their memory; [] where /proc or the CDP domain is unavailable. */
export async function chromiumProcesses(browser: Browser): Promise<ProcessMemory[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number; cpuTime: number }[];
    };
    const out: ProcessMemory[] = [];
    for (const p of processInfo) {
      try {
        out.push({
          type: p.type,
          pid: p.id,
          rssMB: statusKB(p.id, 'VmRSS') / 1024,
          peakMB: statusKB(p.id, 'VmHWM') / 1024,
          cpuSeconds: p.cpuTime,
        });
      } catch {
        // the process ended, or no /proc here
      }
    }
    return out;
  } catch {
    return [];
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The page's renderer: the renderer process with the largest resident set (the bench has one tab). */
export function tabRenderer(procs: ProcessMemory[]): ProcessMemory | null {
  const r = procs.filter((p) => p.type === 'renderer').sort((a, b) => b.rssMB - a.rssMB);
  return r[0] ?? null;
}

/** The main thread's JS heap in use, in MB (the worker's heap is not in it). */
export async function mainHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
    return used ? used.value / 2 ** 20 : NaN;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The worker's JS heap in use, in MB, when the browser exposes performance.memory there; NaN otherwise. */
export async function workerHeapMB(page: Page): Promise<number> {
  for (const w of page.workers()) {
    const v = await w
      .evaluate('typeof performance.memory === "object" ? performance.memory.usedJSHeapSize : -1')
      .catch(() => -1);
    if (typeof v === 'number' && v >= 0) return v / 2 ** 20;
  }
  return NaN;
}
