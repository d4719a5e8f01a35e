/**
 * The state of a privatization case, folded from its events: a discriminated union on `status`.
 * Stages (Rules §9): registered (stage 1 done) → commission (stage 2: review done, commission at work) →
 * [hearing → after-hearing] (Rules §10) → transfer (tracks 2–3, §9.2/§9.3) → contract → contracted | refused;
 * withdrawn ends the case before the contract.
 */
import type { Deadline, DeadlineState } from '../shared/deadlines';
import type { LocalDate } from '../calendar/types';
import type {
  ApplicantCategory,
  CommissionMember,
  DocumentCode,
  FamilyMember,
  GatewayKind,
  PrivatizationForm,
  RefusalGround,
  Track,
} from '../../contracts/privatization';

export type CaseStatus =
  | 'registered'
  | 'commission'
  | 'hearing'
  | 'after-hearing'
  | 'transfer'
  | 'contract'
  | 'contracted'
  | 'refused'
  | 'withdrawn';

export interface DeadlineEntry {
  deadline: Deadline;
  state: DeadlineState;
  /** A DeadlineMissed fact was recorded (a late satisfaction may follow it). */
  missedRecorded: boolean;
}

export interface GatewayRecord {
  kind: GatewayKind;
  subjectIin?: string;
  available: boolean;
  obtainedOn: LocalDate;
  /** Recorded after the title was state-registered (tracks 2–3 obtain rights and technical data then). */
  afterTitleRegistration: boolean;
}

export interface ChecklistEntry {
  document: DocumentCode;
  rule: string;
  obtainedBy: 'applicant' | 'gateway';
  submitted: boolean;
}

export interface CaseFile {
  caseId: string;
  track: Track;
  form: PrivatizationForm;
  channel: string;
  providerId: string;
  applicantIin: string;
  applicantName: string;
  dwellingAddress: string;
  familyMembers: FamilyMember[];
  categories: ApplicantCategory[];
  situation: { familyCivilStatusEvents?: boolean; privatizingUnderRules11?: boolean };
  consents: { legallyProtectedSecrets: boolean; personalData: boolean };
  submittedAt: string;
  registeredOn: LocalDate;
  regulationVersion: string;
  receiptNumber?: string;
  checklist: ChecklistEntry[];
  gateway: GatewayRecord[];
  reviewOutcome?: 'compliant' | 'grounds-for-refusal';
  groundsFound: RefusalGround[];
  commission?: { members: CommissionMember[] };
  /** 1 before the hearing, 2 after it: the commission votes again after hearing the applicant (Rules §10). */
  round: number;
  votes: Record<string, 'for' | 'against' | 'abstain'>;
  decision?: { decisionNumber: string; adoptedOn: LocalDate };
  preliminaryRefusal?: { grounds: RefusalGround[]; issuedOn: LocalDate };
  hearing?: { noticeSentOn: LocalDate; hearingOn: LocalDate; latestHearingOn: LocalDate; heldOn?: LocalDate };
  refusal?: { grounds: RefusalGround[]; refusedOn: LocalDate };
  transfer: {
    petitionSentOn?: LocalDate;
    propertyBodyDecidedOn?: LocalDate;
    actSignedOn?: LocalDate;
    actApprovedOn?: LocalDate;
    titleRegisteredOn?: LocalDate;
    completedOn?: LocalDate;
  };
  contract?: {
    contractNumber: string;
    signedOn: LocalDate;
    contractForm: 'electronic' | 'paper';
    price?: number;
    paymentDue: boolean;
  };
  totalPaid: number;
  resultIssued: boolean;
  deadlines: Record<string, DeadlineEntry>;
}

export type OpenCase = CaseFile & { status: CaseStatus };
export type PrivatizationState = { status: 'none' } | OpenCase;

export const initialState: PrivatizationState = { status: 'none' };

/** The regulation version pinned by the case (the command handler puts it into the envelope metadata). */
export function regulationVersionOf(state: PrivatizationState): string | undefined {
  return state.status === 'none' ? undefined : state.regulationVersion;
}

/** Gateway data of a kind that the information systems returned (optionally for one person, or after registration). */
export function hasGatewayData(
  file: CaseFile,
  kind: GatewayKind,
  opts: { subjectIin?: string; afterTitleRegistration?: boolean } = {},
): boolean {
  return file.gateway.some(
    (g) =>
      g.kind === kind &&
      g.available &&
      (opts.subjectIin === undefined || g.subjectIin === opts.subjectIin) &&
      (opts.afterTitleRegistration !== true || g.afterTitleRegistration),
  );
}

export function tally(file: CaseFile): { for: number; against: number; abstain: number; members: number } {
  const votes = Object.values(file.votes);
  return {
    for: votes.filter((v) => v === 'for').length,
    against: votes.filter((v) => v === 'against').length,
    abstain: votes.filter((v) => v === 'abstain').length,
    members: file.commission?.members.length ?? 0,
  };
}

/** A decision "by majority": more than half of the commission's members voted for (Rules §9.1 stage 2). */
export function hasMajorityFor(file: CaseFile): boolean {
  const t = tally(file);
  return t.members > 0 && t.for * 2 > t.members;
}
