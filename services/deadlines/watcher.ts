/**
 * The deadline watcher (issue #9): a durable timer. On every tick it asks the deadline index for open deadlines
 * whose term ended before today (Asia/Almaty; Civil Code art. 176–178: a term ends at the end of its last day) and
 * sends `RecordDeadlineMissed` for each through the ONE generic command handler, as the system actor
 * `system:deadline-watcher`. The decider then appends `DeadlineMissed{detectedBy:'watcher'}` citing the term's rule.
 *
 * Exactly once, across restarts and with several watchers running at once:
 * - the state lives in the log and the read model, not in memory: a restarted watcher simply looks again;
 * - the command id is deterministic (uuid v5 of stream + deadline), so a second send of the same command is
 *   recognised by the handler's durable idempotency and appends nothing;
 * - two watchers racing read the same revision; the store's optimistic concurrency lets one append win, the
 *   other retries, finds the command id already handled (or the deadline no longer open) and appends nothing.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Actor } from '../../contracts/envelope';
import type { WorkingCalendar } from '../../domain/calendar/types';
import type { RegulationRegistry } from '../../domain/regulation/types';
import type { Command, Decider, DecisionContext, DomainEvent, SignatureVerifier } from '../../domain/shared/decider';
import { handleCommand } from '../commands/handle-command';
import type { EventStore } from '../eventstore/port';
import type { OpenDeadlineSource } from './open-deadlines';

/** Namespace of the watcher's command ids (uuid v5 of `<stream>\n<deadlineId>`). */
export const WATCHER_COMMAND_NAMESPACE = 'd6a1b4f2-3c5e-5a7b-9d8c-2e4f6a8b0c1d';

export const WATCHER_ACTOR: Actor = { sub: 'system:deadline-watcher', roles: ['system'] };

export const watcherCommandId = (streamName: string, deadlineId: string) =>
  uuidv5(`${streamName}\n${deadlineId}`, WATCHER_COMMAND_NAMESPACE);

/** A service whose streams the watcher may write to (a ServiceModule satisfies it). */
export interface WatchedService {
  streamPrefix: string;
  decider: Decider<Command, DomainEvent, unknown>;
  extendContext?(context: DecisionContext): DecisionContext;
  regulationVersionOf(state: unknown): string | undefined;
}

export interface DeadlineWatcherDeps {
  store: EventStore;
  deadlines: OpenDeadlineSource;
  services: readonly WatchedService[];
  calendar: WorkingCalendar;
  regulations: RegulationRegistry;
  signatures: SignatureVerifier;
  /** The injected clock. */
  clock: () => Date;
  /** KEZEN_WATCHER_INTERVAL_MS (default 60 000). */
  intervalMs?: number;
  /** Told about each deadline it could not record (never personal data: stream and deadline ids only). */
  onError?: (error: unknown, target: { streamName: string; deadlineId: string }) => void;
  /** Told about each DeadlineMissed it appended. */
  onRecorded?: (target: { streamName: string; deadlineId: string; position: number }) => void;
}

export interface TickResult {
  today: string;
  examined: number;
  /**
   * Deadlines whose DeadlineMissed this tick's command put in the log. In a race, a twin watcher's identical
   * append (same command id, same event ids) is a re-send the store answers with the first result, so both may
   * count it — the log still holds it once.
   */
  recorded: number;
  /** Already recorded (by another watcher, an earlier run or the late step). */
  alreadyRecorded: number;
  failed: number;
}

export class DeadlineWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickResult> | undefined;
  private stopped = true;

  constructor(private readonly deps: DeadlineWatcherDeps) {}

  /** One pass over the ended deadlines. Concurrent calls share the pass in progress. */
  tick(): Promise<TickResult> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.tick()
        .catch((e) => this.deps.onError?.(e, { streamName: '*', deadlineId: '*' }))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.deps.intervalMs ?? 60_000);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<TickResult> {
    const now = this.deps.clock().toISOString();
    const today = this.deps.calendar.localDate(now);
    const result: TickResult = { today, examined: 0, recorded: 0, alreadyRecorded: 0, failed: 0 };
    // Collect first: the pages must not shift under us while the projector applies our own appends.
    const ended = [];
    for await (const d of this.deps.deadlines.endedBefore(today)) ended.push(d);
    for (const d of ended) {
      result.examined += 1;
      const target = { streamName: d.streamName, deadlineId: d.deadlineId };
      const service = this.deps.services.find((s) => d.streamName.startsWith(s.streamPrefix));
      if (!service) continue;
      const context = {
        now,
        actor: WATCHER_ACTOR,
        calendar: this.deps.calendar,
        regulations: this.deps.regulations,
        signatures: this.deps.signatures,
      };
      try {
        const outcome = await handleCommand({
          store: this.deps.store,
          decider: service.decider,
          streamName: d.streamName,
          command: { type: 'RecordDeadlineMissed', data: { deadlineId: d.deadlineId } },
          commandId: watcherCommandId(d.streamName, d.deadlineId),
          regulationVersionOf: (s) => service.regulationVersionOf(s),
          context: service.extendContext?.(context) ?? context,
        });
        const appended = outcome.replayed ? [] : outcome.events.filter((e) => e.type === 'DeadlineMissed');
        if (appended.length > 0) {
          result.recorded += appended.length;
          this.deps.onRecorded?.({ ...target, position: outcome.position });
        } else result.alreadyRecorded += 1;
      } catch (error) {
        // A refusal (DomainError) of the decider (e.g. the read model is behind and the case moved on) is not retried now;
        // the next tick looks again from the read model.
        result.failed += 1;
        this.deps.onError?.(error, target);
      }
    }
    return result;
  }
}
