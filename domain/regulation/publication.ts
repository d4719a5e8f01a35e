/**
 * Publishing a regulation version is itself recorded, with the obligation it starts (Rules §12): the authorised body
 * for housing relations informs the e-government infrastructure operator and the Unified Contact Centre within
 * 3 working days of approval — a term like any other, set as a `DeadlineSet` and later satisfied or missed.
 *
 * Stream: `regulation-<versionId>`. Pure: the caller supplies the dates and the calendar.
 */
import type { LocalDate, WorkingCalendar } from '../calendar/types';
import { setDeadline } from '../shared/deadline-terms';
import type { DeadlineSatisfiedData, DeadlineSetData } from '../shared/deadlines';
import type { RegulationVersion } from './types';

export const NOTIFY_OPERATORS_DEADLINE_ID = 'notify-operators';

export function regulationStream(versionId: string): string {
  return `regulation-${versionId}`;
}

export interface RegulationVersionPublishedData {
  versionId: string;
  title: string;
  order: RegulationVersion['order'];
  replaces?: string;
  /** Approval (signing) of the order; the §12 term runs from it. */
  approvedOn: LocalDate;
  publishedOn: LocalDate;
  publicationSource: string;
  effectiveFrom: LocalDate;
}

export interface OperatorsNotifiedData {
  versionId: string;
  notifiedOn: LocalDate;
  /** Who was informed (Rules §12): the e-government infrastructure operator and the Unified Contact Centre. */
  recipients: ('e-government-operator' | 'unified-contact-centre')[];
}

export type RegulationPublicationEvent =
  | { type: 'RegulationVersionPublished'; data: RegulationVersionPublishedData }
  | { type: 'OperatorsNotified'; data: OperatorsNotifiedData }
  | { type: 'DeadlineSet'; data: DeadlineSetData }
  | { type: 'DeadlineSatisfied'; data: DeadlineSatisfiedData };

/** The facts of publishing `version`: the publication and the Rules §12 deadline it starts. */
export function recordRegulationPublication(input: {
  version: RegulationVersion;
  calendar: WorkingCalendar;
  /** Defaults to the order's signing date. */
  approvedOn?: LocalDate;
}): RegulationPublicationEvent[] {
  const { version, calendar } = input;
  const approvedOn = input.approvedOn ?? version.order.signedOn;
  const deadline = setDeadline({
    calendar,
    regulation: version,
    termId: 'regulation.notifyOperators',
    deadlineId: NOTIFY_OPERATORS_DEADLINE_ID,
    triggeredOn: approvedOn,
  });
  return [
    {
      type: 'RegulationVersionPublished',
      data: {
        versionId: version.id,
        title: version.title,
        order: version.order,
        ...(version.replaces ? { replaces: version.replaces } : {}),
        approvedOn,
        publishedOn: version.publishedOn,
        publicationSource: version.publicationSource,
        effectiveFrom: version.effectiveFrom,
      },
    },
    { type: 'DeadlineSet', data: { deadline } },
  ];
}

/** The operators were informed: the §12 deadline is satisfied, late when after its due date. */
export function recordOperatorsNotified(input: {
  deadline: DeadlineSetData['deadline'];
  notifiedOn: LocalDate;
  versionId: string;
}): RegulationPublicationEvent[] {
  return [
    {
      type: 'OperatorsNotified',
      data: {
        versionId: input.versionId,
        notifiedOn: input.notifiedOn,
        recipients: ['e-government-operator', 'unified-contact-centre'],
      },
    },
    {
      type: 'DeadlineSatisfied',
      data: {
        deadlineId: input.deadline.deadlineId,
        satisfiedOn: input.notifiedOn,
        late: input.notifiedOn > input.deadline.dueOn,
        rule: input.deadline.rule,
      },
    },
  ];
}
