// Drawing work split across animation frames, one step per frame, so that no
// main-thread task holds more than a step (the flame graph's tiles, the call
// graph's chunks).
export class FrameQueue {
  private steps: (() => void)[] = [];
  private frame = 0;

  /** Whether steps are still waiting. */
  get pending(): boolean {
    return this.steps.length > 0;
  }

  /** Drops the steps still waiting and runs these instead, one per animation frame. */
  replace(steps: (() => void)[]): void {
    this.cancel();
    this.steps = steps;
    this.schedule();
  }

  /** Runs the steps still waiting, now (e.g. before DOWNLOAD copies the drawing). */
  finish(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    while (this.steps.length > 0) this.steps.shift()!();
  }

  /** Drops the steps still waiting. */
  cancel(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.steps = [];
  }

  private schedule(): void {
    if (this.frame !== 0 || this.steps.length === 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.steps.shift()?.();
      this.schedule();
    });
  }
}
