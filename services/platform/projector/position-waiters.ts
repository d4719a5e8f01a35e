/**
 * Read your own writes (`minPosition`): callers waiting until named projections have applied a log position.
 * Shared by the in-process Projector and the handle of the projector thread, which learn positions differently.
 */
interface Waiter {
  position: number;
  names: readonly string[];
  resolve: (reached: boolean) => void;
  timer: NodeJS.Timeout;
}

export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  /** `positionOf(name)`: the position the projection has applied (0 when unknown). */
  constructor(private readonly positionOf: (name: string) => number) {}

  /** True once every name has reached `position`; false after `timeoutMs` or when cancelled. */
  wait(position: number, timeoutMs: number, names: readonly string[]): Promise<boolean> {
    if (this.reached(position, names)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        names,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(false);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Call after positions advanced: resolves the waiters now satisfied. */
  notify(): void {
    for (const w of this.waiters) {
      if (this.reached(w.position, w.names)) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.resolve(true);
      }
    }
  }

  /** On stop: every waiter answers false at once. */
  cancelAll(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(false);
    }
    this.waiters.clear();
  }

  private reached(position: number, names: readonly string[]): boolean {
    return names.every((n) => this.positionOf(n) >= position);
  }
}
