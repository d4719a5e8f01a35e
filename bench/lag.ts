/**
 * Projection lag under load: every 20 ms the log head is noted with the time; the lag of that position is the time
 * until every projection's checkpoint has reached it (append position → projector checkpoint).
 */
import type { Kezen } from '../services/composition';
import { summarize } from './stats';

export function lagProbe(kezen: Kezen) {
  const pending: { position: number; at: number }[] = [];
  const lags: number[] = [];
  let stopped = false;
  const tick = async () => {
    while (!stopped) {
      const now = performance.now();
      const head = await kezen.eventStore.headPosition();
      if (pending.length === 0 || pending[pending.length - 1]!.position < head)
        pending.push({ position: head, at: now });
      const checkpoints = kezen.projector.status().map((s) => s.position);
      const reached = checkpoints.length ? Math.min(...checkpoints) : head;
      while (pending.length && pending[0]!.position <= reached) lags.push(now - pending.shift()!.at);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const running = tick();
  return {
    /** Stops sampling once the projector has caught up with what was noted (or after 30 s). */
    async stop() {
      const until = performance.now() + 30_000;
      while (pending.length && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
      stopped = true;
      await running;
      return { ...summarize(lags), unresolved: pending.length };
    },
  };
}
