// The long-task figures of the browser bench.
import { describe, expect, it } from 'vitest';
import { longTaskStats } from './browser-page';

describe('longTaskStats', () => {
  const tasks = [
    { start: 0, duration: 80 }, // under way when the window opens: its part in the window counts
    { start: 100, duration: 60 },
    { start: 300, duration: 250 },
    { start: 1000, duration: 70 }, // after the window
  ];

  it('takes the tasks that overlap the window, from its start: longest, count, blocking time over 50 ms', () => {
    // The first one counts from 40 to 80: under 50 ms there, not a long task.
    expect(longTaskStats(tasks, 40, 900)).toEqual({ max: 250, count: 2, blocking: 10 + 200 });
    expect(longTaskStats(tasks, 20, 900)).toEqual({ max: 250, count: 3, blocking: 10 + 10 + 200 });
    expect(longTaskStats(tasks, 0, 900)).toEqual({ max: 250, count: 3, blocking: 30 + 10 + 200 });
  });

  it('is zero when no long task overlaps', () => {
    expect(longTaskStats(tasks, 600, 900)).toEqual({ max: 0, count: 0, blocking: 0 });
  });
});
