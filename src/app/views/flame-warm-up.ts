// Draws a tiny flame graph into a detached <svg> once, while the page is idle
// after start-up, so that the first real drawing runs compiled code: on a
// fresh page the first tile took 45 ms of script (V8 compiling d3 and
// d3-flame-graph on first use) where later tiles take 10-15, close to the
// 50 ms a task may take. Nothing of it is shown or kept.
import type { FlameNode } from '../../core/view/flame';
import { TiledFlameChart } from './flame-tiled-chart';
import { formatPercent, formatValue, frameLabel, HIGHLIGHT_COLOR } from './flame-format';

const node = (name: string, value: number, children: FlameNode[] = []): FlameNode => ({
  name,
  fn: name,
  value,
  self: value - children.reduce((s, c) => s + c.value, 0),
  cum: value,
  children,
});

export function warmUpFlameChart(): void {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const units = { sampleUnit: 'nanoseconds', outputUnit: 'ms' };
  const chart = new TiledFlameChart(svg, {
    cellHeight: 18,
    tooltip: Object.assign(() => {}, { show: () => {}, hide: () => {}, destroy: () => {} }),
    label: frameLabel,
    accessibleName: (n) => `${n.name}: total ${formatValue(n.cum, units)} (${formatPercent(n.cum, 10)})`,
    matches: (n) => n.name === 'b',
    selected: () => false,
    fill: (_n, original) => original,
    highlightFill: HIGHLIGHT_COLOR,
    onClick: () => {},
    onDrawn: () => {},
  });
  const root = node('root', 10e6, [node('a', 6e6, [node('b', 4e6)]), node('c', 4e6)]);
  chart.draw(root, 400);
  chart.finish();
  chart.highlight();
  chart.destroy();
}

/** Runs warmUpFlameChart when the page is next idle (or after 2 s at the latest). */
export function warmUpFlameChartWhenIdle(): void {
  const run = () => {
    try {
      warmUpFlameChart();
    } catch {
      // Only a warm-up: the real drawing reports its own problems.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 500);
}
