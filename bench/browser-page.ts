// What the browser bench installs in the page before the app starts: a long
// task recorder, the moment a file is handed over, and watchers that note when
// a condition on the DOM first holds (checked on every DOM mutation, stamped
// at the next animation frame, i.e. when it can be painted). All times are the
// page's own performance.now(), so the figures exclude the bench's round trips.
//
// These are plain JavaScript strings on purpose: tsx compiles functions with
// `keepNames`, and a function serialized into the page would then call a
// `__name` helper that the page does not have.

/** The script for page.addInitScript: defines window.__bench. */
export const INIT_SCRIPT = String.raw`(() => {
  const b = (window.__bench = { longTasks: [], handedAt: null, marks: {}, longTaskError: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    b.longTaskError = String(e);
  }
  // The first input/change of a file input or a drop: the file is handed over.
  const handed = (ev) => {
    const t = ev.target;
    if (ev.type === 'drop' || (t && t.tagName === 'INPUT' && t.type === 'file')) {
      if (b.handedAt === null) b.handedAt = performance.now();
    }
  };
  for (const type of ['input', 'change', 'drop']) document.addEventListener(type, handed, true);

  // Resolves with the time (next animation frame) at which check() first holds.
  b.when = (check, timeoutMs) =>
    new Promise((resolve, reject) => {
      let done = false;
      const test = () => {
        if (done) return;
        let ok = false;
        try {
          ok = !!check();
        } catch (e) {
          ok = false;
        }
        if (!ok) return;
        done = true;
        obs.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now()));
      };
      const obs = new MutationObserver(test);
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        obs.disconnect();
        reject(new Error('timed out after ' + timeoutMs + ' ms'));
      }, timeoutMs);
      obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      test();
    });

  // Records marks[name] the first time check() holds (for milestones that must
  // be watched from before the action starts).
  b.watch = (name, check, timeoutMs) => {
    b.when(check, timeoutMs).then(
      (t) => (b.marks[name] = t),
      () => {},
    );
  };

  // Resolves with the time of the last DOM mutation once none came for quietMs
  // and no element says it is still drawing (the flame graph's data-drawing).
  b.settled = (quietMs, timeoutMs) =>
    new Promise((resolve) => {
      let last = performance.now();
      const obs = new MutationObserver(() => (last = performance.now()));
      obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const start = last;
      const drawing = () => !!document.querySelector('[data-drawing]');
      const tick = () => {
        const now = performance.now();
        if ((now - last >= quietMs && !drawing()) || now - start >= timeoutMs) {
          obs.disconnect();
          resolve(last);
        } else setTimeout(tick, 20);
      };
      setTimeout(tick, 20);
    });

  // An accessible name good enough for the app's elements.
  b.name = (el) => {
    const l = el.getAttribute('aria-label');
    if (l !== null) return l.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    return (el.textContent || '').trim();
  };
  b.byRole = (role, name) =>
    [...document.querySelectorAll('[role="' + role + '"]' + (role === 'button' ? ',button' : ''))].find(
      (el) => name === undefined || b.name(el) === name,
    ) || null;
})();`;

/**
 * JavaScript expressions (evaluated in the page) that are true once a
 * milestone is on screen.
 */
export const MILESTONES = {
  /** The Flame Graph view's drawing (role img, name "Flame graph") with frames in it. */
  flame: String.raw`(() => {
    const g = window.__bench.byRole('img', 'Flame graph');
    return !!g && g.querySelectorAll('rect').length > 1;
  })()`,
  /** The Top view's table (role table, name "Top functions") with rows of functions. */
  top: String.raw`(() => {
    const t = window.__bench.byRole('table', 'Top functions');
    return !!t && t.querySelectorAll('[role="row"]').length > 1;
  })()`,
  /** The summary of the opened file (the page before the views existed). */
  summary: (fileName: string): string => String.raw`(() => {
    const h = document.getElementById('summary-title');
    return !!h && h.textContent === ${JSON.stringify(fileName)} &&
      document.querySelectorAll('table.sample-types tbody tr').length > 0;
  })()`,
  /** The views' host, whatever it shows: the shell with views is in this build. */
  viewHost: `!!document.querySelector('[data-view-root]')`,
};

/**
 * A timed action in the page: runs `action` (a JavaScript expression, e.g. a
 * click), and resolves with its start (page clock), the time to the first
 * change of the view or title text with the view no longer busy (the answer
 * shown), and to the settled DOM (no mutation for 300 ms, the flame graph's
 * tiles all drawn).
 */
export function timedAction(action: string, timeoutMs: number): string {
  return String.raw`(async () => {
    const b = window.__bench;
    // The view and its title (File, Type, legend): not the menus, which close on the click.
    const sig = () => {
      const parts = [...document.querySelectorAll('[data-view-root], section[aria-label="Profile details"]')];
      return (parts.length ? parts : [document.querySelector('main') || document.body]).map((e) => e.textContent).join('\u0001');
    };
    const before = sig();
    const idle = () => {
      const host = document.querySelector('[data-view-root]');
      return !host || host.getAttribute('aria-busy') !== 'true';
    };
    const t0 = performance.now();
    const shown = b.when(() => idle() && sig() !== before, ${timeoutMs});
    ${action};
    const t1 = await shown;
    const t2 = await b.settled(300, ${timeoutMs});
    return { t0, answered: t1 - t0, settled: Math.max(t1, t2) - t0 };
  })()`;
}

/**
 * Clicks the widest flame graph frame that is narrower than 90% of the chart
 * (a zoom that changes the drawing): an expression for timedAction.
 */
export const CLICK_FLAME_FRAME = String.raw`(() => {
  const chart = window.__bench.byRole('img', 'Flame graph');
  const full = chart.getBoundingClientRect().width;
  let best = null, bestW = 0;
  for (const g of chart.querySelectorAll('g.frame[role="button"]')) {
    const w = g.getBoundingClientRect().width;
    if (w < full * 0.9 && w > bestW) { best = g; bestW = w; }
  }
  if (!best) throw new Error('no frame to zoom into');
  best.dispatchEvent(new MouseEvent('click', { bubbles: true }));
})()`;

/** The first menu item that is not the current choice (a SAMPLE menu that is open). */
export const OTHER_MENU_ITEM = `[...document.querySelectorAll('[role="menuitem"]')].find((e) => e.getAttribute('aria-current') !== 'true' && e.getAttribute('aria-disabled') !== 'true')`;

/** The menu item named `label` (a menu that is open). */
export function menuItem(label: string): string {
  return `[...document.querySelectorAll('[role="menuitem"]')].find((e) => window.__bench.name(e).startsWith(${JSON.stringify(label)}))`;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface PageBench {
  longTasks: LongTask[];
  handedAt: number | null;
  marks: Record<string, number>;
  longTaskError: string | null;
}

/** The longest task in [from, to] and the total blocking time (sum of the part over 50 ms). */
export function longTaskStats(tasks: LongTask[], from: number, to: number): { max: number; count: number; blocking: number } {
  // A task under way at `from` counts from there: the task that hands the file
  // over is Playwright's, most of it finding the input by role before the event.
  const inside = tasks
    .filter((t) => t.start + t.duration >= from && t.start <= to)
    .map((t) => (t.start >= from ? t : { start: from, duration: t.start + t.duration - from }))
    .filter((t) => t.duration >= 50);
  return {
    max: Math.max(0, ...inside.map((t) => t.duration)),
    count: inside.length,
    blocking: inside.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
  };
}
