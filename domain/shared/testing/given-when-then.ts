/**
 * Given events / when a command / then events or an error — the spec shape of every decider (docs/ARCHITECTURE.md).
 *
 *   const privatization = spec(privatizationDecider, { context: { ...TEST_CONTEXT, signatures }, eventSchemas });
 *   privatization.given(history).when(command, '2026-03-02T05:00:00Z').then(expectedEvents)
 *   privatization.given(history).when(command, instant).thenFails(RuleViolation, { rule: 'Rules §10' })
 *
 * The instant of a decision is always said (the injected clock); the rest of the context — calendar, regulations,
 * signature verifier and whatever the service's context adds (housing assistance: its parameters) — is the spec's
 * default, overridden for one command by `when`'s third argument. `thenContains` checks only the listed events
 * (each matched as a subset, in order); `events()` returns them for other assertions.
 */
import type { TSchema } from '@sinclair/typebox';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { createCalendar } from '../../calendar';
import { defaultRegulations } from '../../regulation';
import { fold, type Command, type Decider, type DecisionContext, type DomainEvent } from '../decider';
import { DomainError } from '../errors';

type ErrorClass<T extends Error = Error> = new (...args: never[]) => T;

/** Everything of a decision context but its instant. */
export type ContextDefaults<Ctx extends DecisionContext> = Omit<Ctx, 'now'>;

/**
 * The shared part of every spec's context: the real Kazakhstan calendar, the default regulation registry, a test
 * actor (no decider reads it) and a verifier that trusts no signature — a spec that signs says whom it trusts.
 */
export const TEST_CONTEXT: ContextDefaults<DecisionContext> = {
  actor: { sub: 'user:test', roles: ['provider-officer'], providerId: 'akimat-almaty' },
  calendar: createCalendar(),
  regulations: defaultRegulations(),
  signatures: { verify: () => ({ valid: false, reason: 'this spec trusts no signature' }) },
};

export interface SpecOptions<Ctx extends DecisionContext> {
  /** The context of every decision but its instant. */
  context: ContextDefaults<Ctx>;
  /** The published data schema of every event type: each event decided is checked against it. */
  eventSchemas?: Readonly<Record<string, TSchema>>;
}

/** One command of a history, at its instant (and, when a spec needs it, with its own context). */
export interface Step<C extends Command, Ctx extends DecisionContext = DecisionContext> {
  command: C;
  at: string;
  context?: Partial<ContextDefaults<Ctx>>;
}

export interface Outcome<C extends Command, E extends DomainEvent, S, Ctx extends DecisionContext> {
  /** Exactly these events, in this order. */
  then(expected: readonly E[]): void;
  /** These events among the decided ones, each matched as a subset, in this order. */
  thenContains(expected: readonly Partial<E>[] | readonly unknown[]): void;
  thenNothing(): void;
  /** The command is refused with this error (and these details: `code`, `rule`, any member of `details`). */
  thenFails<T extends Error>(errorClass: ErrorClass<T>, details?: Record<string, unknown> & { code?: string }): T;
  events(): E[];
  /** The history followed by these events, for the next command of a spec that walks through several. */
  and(): Given<C, E, S, Ctx>;
}

export interface Given<C extends Command, E extends DomainEvent, S, Ctx extends DecisionContext> {
  /** The history, in order. */
  readonly events: E[];
  /** The state folded from it. */
  readonly state: S;
  when(command: C, at: string, context?: Partial<ContextDefaults<Ctx>>): Outcome<C, E, S, Ctx>;
}

export interface DeciderSpec<C extends Command, E extends DomainEvent, S, Ctx extends DecisionContext> {
  /** The state after these events (several lists are read one after the other). */
  given(...history: (readonly E[])[]): Given<C, E, S, Ctx>;
  /** The events of these commands decided one after another from no events: a history the decider produces. */
  history(steps: readonly Step<C, Ctx>[]): E[];
}

export function spec<C extends Command, E extends DomainEvent, S, Ctx extends DecisionContext>(
  decider: Decider<C, E, S, Ctx>,
  options: SpecOptions<Ctx>,
): DeciderSpec<C, E, S, Ctx> {
  const check = options.eventSchemas ? schemaCheck(options.eventSchemas) : () => undefined;
  const decide = (command: C, state: S, at: string, context: Partial<ContextDefaults<Ctx>> = {}): E[] => {
    const events = decider.decide(command, state, { ...options.context, ...context, now: at } as Ctx);
    check(events);
    return events;
  };

  function given(...history: (readonly E[])[]): Given<C, E, S, Ctx> {
    const events = history.flat();
    const state = fold(decider, events);
    return {
      events,
      state,
      when(command, at, context) {
        let result: E[] | undefined;
        let error: unknown;
        try {
          result = decide(command, state, at, context);
        } catch (e) {
          error = e;
        }
        return outcome(result, error, () => given(events, result ?? []));
      },
    };
  }

  return {
    given,
    history(steps) {
      const events: E[] = [];
      for (const s of steps) events.push(...decide(s.command, fold(decider, events), s.at, s.context));
      return events;
    },
  };
}

function outcome<C extends Command, E extends DomainEvent, S, Ctx extends DecisionContext>(
  result: E[] | undefined,
  error: unknown,
  next: () => Given<C, E, S, Ctx>,
): Outcome<C, E, S, Ctx> {
  const events = (): E[] => {
    if (error !== undefined) throw error;
    return result as E[];
  };
  return {
    events,
    and: () => {
      events(); // a refused command has no "next"
      return next();
    },
    then: (expected) => expect(events()).toEqual(expected),
    thenContains: (expected) => {
      const actual = events();
      let from = 0;
      for (const e of expected) {
        const i = actual.findIndex((a, idx) => idx >= from && matches(a, e));
        if (i < 0) expect(actual).toContainEqual(expect.objectContaining(e as object));
        from = i + 1;
      }
    },
    thenNothing: () => expect(events()).toEqual([]),
    thenFails: (errorClass, details) => {
      if (error === undefined)
        throw new Error(`Expected ${errorClass.name}, got events: ${JSON.stringify(result?.map((e) => e.type))}`);
      expect(error).toBeInstanceOf(errorClass);
      if (details) {
        const err = error as DomainError;
        const { code, ...rest } = details;
        if (code !== undefined) expect(err.code).toBe(code);
        expect(err.details).toEqual(expect.objectContaining(rest));
      }
      return error as InstanceType<typeof errorClass>;
    },
  };
}

function matches(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected);
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(actual[i], e))
    );
  }
  return Object.entries(expected as Record<string, unknown>).every(([k, v]) =>
    matches((actual as Record<string, unknown>)[k], v),
  );
}

let ajv: Ajv | undefined;

/** Every event a decider emits must satisfy its published schema. */
function schemaCheck(schemas: Readonly<Record<string, TSchema>>) {
  const compiled = new Map<string, ValidateFunction>();
  return (events: readonly DomainEvent[]): void => {
    ajv ??= addFormats(new Ajv({ allErrors: true, strict: false }));
    for (const e of events) {
      const schema = schemas[e.type];
      if (!schema) throw new Error(`${e.type} has no published schema`);
      let validate = compiled.get(e.type);
      if (!validate) compiled.set(e.type, (validate = ajv.compile(schema)));
      if (!validate(e.data)) throw new Error(`${e.type} does not match its schema: ${ajv.errorsText(validate.errors)}`);
    }
  };
}
