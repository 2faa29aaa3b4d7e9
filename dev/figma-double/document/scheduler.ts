/**
 * Runs callbacks later, on their own macrotask, as Figma does for events and messages ("It's important to understand
 * that the `.on` API runs the callbacks **asynchronously**", docs/figma-platform.md#events). Tests wait with
 * `flushAsync`.
 */
export class Scheduler {
  private pending = 0;
  private errors: unknown[] = [];

  /** Runs `task` on a later macrotask. An error it throws is kept and re-thrown by the next `flushAsync`. */
  later(task: () => void): void {
    this.pending++;
    setTimeout(() => {
      this.pending--;
      try {
        task();
      } catch (error) {
        this.errors.push(error);
      }
    }, 0);
  }

  /** Whether any task is still waiting. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Resolves once every scheduled task (and any it scheduled in turn) has run; rethrows the first task error. */
  async flushAsync(maxRounds = 1000): Promise<void> {
    for (let round = 0; round < maxRounds && (this.pending > 0 || round === 0); round++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    const [first] = this.errors;
    this.errors = [];
    if (first !== undefined) throw first;
  }
}
