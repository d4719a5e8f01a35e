/**
 * The log head, shared by the main thread (which commits) and the projector thread (which follows), with a flag
 * "the thread sleeps until the next commit": the main thread posts a wake-up message only then, not after every
 * group commit (a message per commit showed in the main thread's profile under command load).
 *
 * No wake-up is lost: the thread raises the flag before it reads the head a last time, the main thread stores the
 * head before it takes the flag down (sequentially consistent atomics), so either the thread sees the new head or
 * the main thread sees the flag — or both, and the thread wakes twice, harmlessly.
 */
export class SharedHead {
  private readonly head: BigInt64Array;
  private readonly sleeping: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(16)) {
    this.head = new BigInt64Array(buffer, 0, 1);
    this.sleeping = new Int32Array(buffer, 8, 1);
  }

  /** Main thread, after a commit: the new head; true when the thread sleeps and must be sent a wake-up. */
  publish(head: number): boolean {
    Atomics.store(this.head, 0, BigInt(head));
    return Atomics.compareExchange(this.sleeping, 0, 1, 0) === 1;
  }

  read(): number {
    return Number(Atomics.load(this.head, 0));
  }

  /** Projector thread, before sleeping: raises the flag and returns the head read after it (to check once more). */
  sleep(): number {
    Atomics.store(this.sleeping, 0, 1);
    return this.read();
  }

  awake(): void {
    Atomics.store(this.sleeping, 0, 0);
  }
}
