/**
 * A generic case-view projection: one document per case stream, with the fields the case list filters on
 * (indexed), every deadline with its due date and state, and the revision/position of the last event applied.
 * A service supplies its decider's fold (the SAME `evolve` the command side uses, so the status shown can never
 * disagree with the one commands are decided on) and a `summarize` that picks the view fields from the state.
 */
import type { RecordedEvent } from '../../contracts/envelope';
import type { IndexSpec, Projection, ReadDoc } from '../projection';
import { localDateOf } from '../../domain/calendar/dates';
import { evolveDeadlines, nextDueOn, type DeadlineView } from './deadlines';

/**
 * Fields every service's case view provides (the case list filters, docs/HTTP-CONTRACT.md "Queries"), top-level and
 * indexed.
 */
export interface CaseSummary {
  providerId: string | null;
  status: string;
  /** The stage code, the same as the monitoring feed's (projections/<service>/monitoring.ts): `?stage=` filter. */
  stage: string | null;
  /** Stage number of the regulation (Rules §9: 1..4), null when closed. */
  stageNumber: number | null;
  /** Name of that stage of the regulation (`application`, `commission`, `transfer`, `contract`, `closed`). */
  stageName: string;
  track: string | null;
  form: string | null;
  channel: string | null;
  submittedAt: string | null;
  registrationDate: string | null;
  /** For applicant isolation: the applicant and the family members/other parties who may see the case. */
  applicantIin: string | null;
  partyIins: string[];
  /** Service-specific facts shown with the case (decision, hearing, contract…; not indexed). */
  details: Record<string, unknown>;
}

export interface CaseViewDoc<S = unknown> extends ReadDoc, CaseSummary {
  caseId: string;
  streamName: string;
  deadlines: DeadlineView[];
  /** The earliest due date of a deadline still owed (open or missed): overdue = openDueOn < today. */
  openDueOn: string | null;
  /** Local date (Asia/Almaty) of submission: the case list's submittedFrom/submittedTo filter. */
  submittedOn: string | null;
  regulationVersion: string;
  /** Stream revision of the last applied event (the ETag of the case). */
  revision: number;
  lastPosition: number;
  createdAt: string;
  /** recordedAt of the last applied event. */
  updatedAt: string;
  /** The fold state (internal: needed to fold the next event; not part of the API answer). */
  fold: S;
}

export interface CaseViewSpec<S> {
  name: string;
  version: number;
  collection: string;
  streamPrefix: string;
  fold: { initialState: S; evolve(state: S, event: { type: string; data: unknown }): S };
  summarize(state: S): CaseSummary;
  /** Whether the state is a case yet (before the opening event the document is not created). */
  exists(state: S): boolean;
}

export const CASE_VIEW_INDEXES: readonly IndexSpec[] = [
  { field: 'providerId' },
  { field: 'status' },
  { field: 'stage' },
  { field: 'stageNumber' },
  { field: 'track' },
  { field: 'submittedAt' },
  { field: 'submittedOn' },
  { field: 'registrationDate' },
  { field: 'openDueOn' },
  { field: 'applicantIin' },
  { field: 'partyIins', multi: true },
  { field: 'updatedAt' },
];

export function caseViewProjection<S>(spec: CaseViewSpec<S>): Projection<CaseViewDoc<S>> {
  return {
    name: spec.name,
    version: spec.version,
    collection: spec.collection,
    indexes: CASE_VIEW_INDEXES,
    streamPrefixes: [spec.streamPrefix],
    // id = caseId (services/platform ReadModelBinding: one document per case, id = caseId).
    // A document is changed by the events of one stream only (a parallel rebuild splits the log by stream).
    streamLocal: true,
    keysOf: (event) => [event.streamName.slice(spec.streamPrefix.length)],
    evolve: (doc, event: RecordedEvent, key) => {
      // Idempotent: an event already applied (a replay after a crash on a store without transactions) is a no-op.
      if (doc && event.revision <= doc.revision) return doc;
      const fold = spec.fold.evolve(doc ? doc.fold : spec.fold.initialState, event);
      if (!spec.exists(fold)) return doc;
      const deadlines = evolveDeadlines(doc?.deadlines ?? [], event);
      // An event the fold ignores (it returns the same state) leaves the summary as it was: no re-summarizing (and
      // no new `details` object) per event — most of a case's events are data, deadline and signature steps.
      const v: CaseSummary = doc && fold === doc.fold ? doc : spec.summarize(fold);
      // One fixed literal shape: spreading the summary's many fields per event made the rebuild several times slower.
      return {
        id: key,
        caseId: key,
        streamName: event.streamName,
        providerId: v.providerId,
        status: v.status,
        stage: v.stage,
        stageNumber: v.stageNumber,
        stageName: v.stageName,
        track: v.track,
        form: v.form,
        channel: v.channel,
        submittedAt: v.submittedAt,
        // Converted once per case, not per event (the submission instant does not change afterwards).
        submittedOn:
          doc && doc.submittedAt === v.submittedAt
            ? doc.submittedOn
            : v.submittedAt
              ? localDateOf(v.submittedAt)
              : null,
        registrationDate: v.registrationDate,
        applicantIin: v.applicantIin,
        partyIins: v.partyIins,
        details: v.details,
        deadlines,
        openDueOn: doc && deadlines === doc.deadlines ? doc.openDueOn : nextDueOn(deadlines),
        regulationVersion: event.metadata.regulationVersion,
        revision: event.revision,
        lastPosition: event.position,
        createdAt: doc ? doc.createdAt : event.metadata.recordedAt,
        updatedAt: event.metadata.recordedAt,
        fold,
      };
    },
  };
}

/** The case view without the internal fold state (what an API answers with). */
export function publicCaseView<S>(doc: CaseViewDoc<S>): Omit<CaseViewDoc<S>, 'fold'> {
  const { fold: _fold, ...view } = doc;
  return view;
}

/** Case-list filter for "overdue on `today`": a pending deadline's due date has passed (computed at query time). */
export const overdueCasesWhere = (today: string) => ({ openDueOn: { lt: today } });
