/**
 * Given events / when command / then events or a rule error — the spec shape of every decider (docs/ARCHITECTURE.md).
 *
 *   spec(decider).given(history).when(command, context).then(expectedEvents)
 *   spec(decider).given(history).when(command, context).thenThrows(RuleViolation, { rule: 'Rules §10' })
 *
 * `thenContains` checks only the listed events (each matched as a subset, in order); `events()` returns them.
 */
import { fold, type Command, type Decider, type DecisionContext, type DomainEvent } from '../decider';
import { DomainError } from '../errors';

type ErrorClass = new (...args: never[]) => Error;

export interface Outcome<E> {
  then(expected: readonly E[]): void;
  thenContains(expected: readonly Partial<E>[] | readonly unknown[]): void;
  thenNothing(): void;
  thenThrows(errorClass: ErrorClass, details?: Record<string, unknown> & { code?: string }): DomainError;
  events(): E[];
}

export function spec<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(history: readonly E[]) {
      const state = fold(decider, history);
      return {
        state,
        when(command: C, context: DecisionContext): Outcome<E> {
          let result: E[] | undefined;
          let error: unknown;
          try {
            result = decider.decide(command, state, context);
          } catch (e) {
            error = e;
          }
          const events = (): E[] => {
            if (error !== undefined) throw error;
            return result as E[];
          };
          return {
            events,
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
            thenThrows: (errorClass, details) => {
              if (error === undefined)
                throw new Error(
                  `Expected ${errorClass.name}, got events: ${JSON.stringify(result?.map((e) => e.type))}`,
                );
              expect(error).toBeInstanceOf(errorClass);
              const err = error as DomainError;
              if (details) {
                const { code, ...rest } = details;
                if (code !== undefined) expect(err.code).toBe(code);
                expect(err.details).toEqual(expect.objectContaining(rest));
              }
              return err;
            },
          };
        },
      };
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
