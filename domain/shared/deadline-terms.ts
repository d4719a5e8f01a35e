/**
 * Setting a deadline from a term of the regulation (docs/HTTP-CONTRACT.md "Deadline conventions"): the due date is
 * computed by the term's unit with its rule, and stored with the rule and the regulation version that produced it.
 *
 *   const deadline = setDeadline({ calendar, regulation: registry.byId(state.regulationVersion),
 *                                  termId: 'privatization.decision', deadlineId: 'decision', triggeredOn });
 *   events.push({ type: 'DeadlineSet', data: { deadline } });
 */
import { workingDaysBeforeRule } from '../calendar/conventions';
import type { DueDate, LocalDate, WorkingCalendar } from '../calendar/types';
import type { RegulationRegistry, RegulationVersion, TermId } from '../regulation/types';
import type { Deadline } from './deadlines';

export interface SetDeadlineInput {
  calendar: WorkingCalendar;
  /**
   * The version pinned by the case (preferred: `registry.byId(state.regulationVersion)`), or a registry — then the
   * version in force on `triggeredOn` is used.
   */
  regulation: RegulationVersion | RegulationRegistry;
  termId: TermId;
  deadlineId: string;
  /**
   * The triggering date (the term runs from the next day). For a `before` term (Rules §10 hearing notice) this is
   * the reference date the term counts back from: the service deadline's due date.
   */
  triggeredOn: LocalDate;
  /** Optional override of the term's description (e.g. naming the track). */
  description?: string;
}

function isRegistry(r: RegulationVersion | RegulationRegistry): r is RegulationRegistry {
  return typeof (r as RegulationRegistry).versionInForce === 'function';
}

/** The due date of a term from a trigger, by the term's unit and direction. */
export function dueDateOf(
  calendar: WorkingCalendar,
  version: RegulationVersion,
  termId: TermId,
  triggeredOn: LocalDate,
): DueDate {
  const term = version.terms[termId];
  if (!term) throw new RangeError(`Regulation ${version.id} has no term ${termId}`);
  if (term.direction === 'before') {
    const dueOn = calendar.subtractWorkingDays(triggeredOn, term.days);
    return {
      dueOn,
      rule: `${term.rule}: ${workingDaysBeforeRule(term.days)}`,
      provisional: calendar.isProvisional(dueOn) || calendar.isProvisional(triggeredOn),
    };
  }
  const due =
    term.unit === 'working-days'
      ? calendar.addWorkingDays(triggeredOn, term.days)
      : calendar.addCalendarDays(triggeredOn, term.days);
  return { ...due, rule: `${term.rule}: ${due.rule}` };
}

export function setDeadline(input: SetDeadlineInput): Deadline {
  const version = isRegistry(input.regulation) ? input.regulation.versionInForce(input.triggeredOn) : input.regulation;
  const term = version.terms[input.termId];
  if (!term) throw new RangeError(`Regulation ${version.id} has no term ${input.termId}`);
  const due = dueDateOf(input.calendar, version, input.termId, input.triggeredOn);
  return {
    deadlineId: input.deadlineId,
    termId: input.termId,
    rule: due.rule,
    description: input.description ?? term.description,
    unit: term.unit,
    days: term.days,
    triggeredOn: input.triggeredOn,
    dueOn: due.dueOn,
    provisional: due.provisional,
    regulationVersion: version.id,
  };
}
