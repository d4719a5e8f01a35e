/**
 * The decider pattern (Emmett / Jérémie Chassaing): commands are decided against state folded from events.
 * Pure: no I/O, no clock; the clock, calendar, regulation and signature verifier come in the context.
 *
 * Names (docs/ARCHITECTURE.md "Names"): an event is named for the act, past tense, in the regulation's words, without
 * the service's name — the stream says which service (`ApplicationSubmitted`, `AssistanceAssigned`); a command is the
 * act in the imperative (`SubmitApplication`, `AssignAssistance`). Types are unique within a service; the deadline
 * facts (`DeadlineSet`, `DeadlineSatisfied`, `DeadlineMissed`, `DeadlineCancelled`) are the same in every service.
 */
import type { Actor } from '../../contracts/envelope';
import type { WorkingCalendar } from '../calendar/types';
import type { RegulationRegistry } from '../regulation/types';

/** A command as the domain sees it: a discriminated union on `type`. */
export interface Command<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** A domain event before the envelope is put around it. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

/** Verifies an EDS signature over a canonical payload (pluggable: trust store by default, national PKI in production). */
export interface SignatureVerifier {
  verify(input: { payload: string; signature: SignatureData }): { valid: boolean; reason?: string };
}

/** EDS signature data as recorded with a decision (Rules §7, Annex 2/3 "EDS data"). */
export interface SignatureData {
  signer: string;
  certificateSerial: string;
  signedAt: string;
  algorithm: 'RSA-SHA256' | 'ECDSA-SHA256';
  /** base64 */
  value: string;
  /** PEM certificate or public key of the signer. */
  certificate: string;
}

export interface DecisionContext {
  /** The injected clock: ISO-8601 instant (UTC) at which the command is decided. */
  now: string;
  actor: Actor;
  calendar: WorkingCalendar;
  regulations: RegulationRegistry;
  signatures: SignatureVerifier;
}

/**
 * Every service's decider has this shape. `Ctx` is what its decisions need: the shared context, extended by a
 * service that needs more (housing assistance: its regional parameters), so inputs come in the context rather than
 * being captured by a factory.
 */
export interface Decider<C extends Command, E extends DomainEvent, S, Ctx extends DecisionContext = DecisionContext> {
  initialState: S;
  decide(command: C, state: S, context: Ctx): E[];
  evolve(state: S, event: E): S;
}

/** Fold events into state. */
export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>,
  events: readonly E[],
): S {
  return events.reduce(decider.evolve, decider.initialState);
}
