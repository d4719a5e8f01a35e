/**
 * Stages of the housing assistance service for the case view and the monitoring feed (Rules §11: the provider
 * reports the stage of the service to the state-services monitoring information system). The feed carries stage
 * codes and dates only — never IINs, names or amounts.
 */
import type { LocalDate } from '../../domain/calendar/types';

/** The same codes as the monitoring feed (./monitoring.ts), so `?stage=` means one thing. */
export type HousingAssistanceStage =
  'registration' | 'documents-accepted' | 'assistance-assigned' | 'refusal' | 'result-issued' | 'withdrawn';
export type HousingAssistanceStatus =
  'submitted' | 'documents-accepted' | 'assigned' | 'refused' | 'result-issued' | 'withdrawn';

export interface StageChange {
  stage: HousingAssistanceStage;
  status: HousingAssistanceStatus;
  /** Human label (English) of the stage. */
  label: string;
  /** The local date the stage was reached, when the event records one. */
  on: LocalDate | null;
  rule: string | null;
  /** The outcome of a decision stage. */
  outcome?: 'assigned' | 'refused';
  /** A decision after the HA Rules §13 due date. */
  late?: boolean;
}

export const HOUSING_ASSISTANCE_STAGES: readonly HousingAssistanceStage[] = [
  'registration',
  'documents-accepted',
  'assistance-assigned',
  'refusal',
  'result-issued',
  'withdrawn',
];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The stage an event moves the case to, or null when the event is not a stage change (gateway data and deadline facts
 * are not stages). The feed engineer calls this per recorded event.
 */
export function housingAssistanceStageOf(event: { type: string; data: unknown }): StageChange | null {
  const d = (event.data ?? {}) as Record<string, unknown>;
  const rule = str(d.rule);
  switch (event.type) {
    case 'ApplicationSubmitted':
      return {
        stage: 'registration',
        status: 'submitted',
        label: 'Application registered',
        on: str(d.registeredOn),
        rule,
      };
    case 'CompleteDocumentsAccepted':
      return {
        stage: 'documents-accepted',
        status: 'documents-accepted',
        label: 'Complete set of documents accepted',
        on: str(d.acceptedOn),
        rule,
      };
    case 'AssistanceAssigned':
      return {
        stage: 'assistance-assigned',
        status: 'assigned',
        label: 'Housing assistance assigned',
        on: str(d.decidedOn),
        rule,
        outcome: 'assigned',
        late: d.late === true,
      };
    case 'AssistanceRefused':
      return {
        stage: 'refusal',
        status: 'refused',
        label: 'Reasoned refusal',
        on: str(d.decidedOn),
        rule,
        outcome: 'refused',
        late: d.late === true,
      };
    case 'ResultIssued':
      return { stage: 'result-issued', status: 'result-issued', label: 'Result issued', on: str(d.issuedOn), rule };
    case 'ApplicationWithdrawn':
      return { stage: 'withdrawn', status: 'withdrawn', label: 'Application withdrawn', on: str(d.withdrawnOn), rule };
    default:
      return null;
  }
}
