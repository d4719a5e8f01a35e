/**
 * Projection lag under load: every 20 ms the log head is noted with the time; the lag of that position is the time
 * until every projection's checkpoint has reached it (append position → projector checkpoint).
 *
 * The server runs in its own process (bench/server-process.ts), so head and checkpoints are read from `/readyz`
 * (`event-store`: "head N"; each `projection:*`: "…, K events behind" the head it read) — cheap for the server
 * (no rendering of every metric, unlike /metrics) and the same for every adapter mix (`--real` included).
 */
import { summarize } from './stats';

interface Readiness {
  checks: { name: string; detail?: string }[];
}

/** Log head and the lowest projection checkpoint, as the server reports them. */
export async function positions(port: number): Promise<{ head: number; reached: number }> {
  const body = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as Readiness;
  const head = Number(/head (\d+)/.exec(body.checks.find((c) => c.name === 'event-store')?.detail ?? '')?.[1]);
  if (!Number.isFinite(head)) throw new Error(`/readyz without the log head: ${JSON.stringify(body)}`);
  let behind = 0;
  for (const c of body.checks)
    if (c.name.startsWith('projection:'))
      behind = Math.max(behind, Number(/(\d+) events behind/.exec(c.detail ?? '')?.[1] ?? 0));
  return { head, reached: head - behind };
}

export function lagProbe(port: number) {
  const pending: { position: number; at: number }[] = [];
  const lags: number[] = [];
  let stopped = false;
  const tick = async () => {
    while (!stopped) {
      const at = performance.now();
      const { head, reached } = await positions(port);
      const now = performance.now();
      // The position was read at some moment between the request and the answer: the request's time is the
      // earlier bound, so a lag is never under-reported.
      if (pending.length === 0 || pending[pending.length - 1]!.position < head) pending.push({ position: head, at });
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
