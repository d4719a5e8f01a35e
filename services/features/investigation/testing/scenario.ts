/**
 * Test support: a real embedded event store (SQLite, hash chain) with a controlled clock, fed through the command
 * pipeline's steps on the case (decide-append.ts: the histories are written as made, without the API's authorization). The scenario: a housing assistance case decided on time (HA Rules §13) and a complaint
 * about it forwarded one working day late (Rules §14) and decided on time (Rules §13).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../../../contracts/envelope';
import { complaintDecider, complaintStreamName } from '../../../../domain/complaints';
import {
  bundledParameters,
  housingAssistanceDecider,
  housingAssistanceStream,
  regulationVersionOf,
  type HousingAssistanceContext,
} from '../../../../domain/housing-assistance';
import {
  application,
  calendar,
  gatewayData,
  regulations,
} from '../../../../domain/housing-assistance/testing/fixtures';
import type { Command, Decider, DomainEvent } from '../../../../domain/shared/decider';
import { decideAndAppend } from '../../../platform/commands/decide-append';
import type { EventStore } from '../../../platform/eventstore/port';

export { calendar };
export const CASE_ID = '3f0b6a52-1c1d-4e0a-9b59-7d2a4c1e8f10';
export const COMPLAINT_ID = '8d7e6f5a-4b3c-4d2e-8f1a-0b9c8d7e6f5a';
export const CASE_STREAM = housingAssistanceStream(CASE_ID);
export const COMPLAINT_STREAM = complaintStreamName(COMPLAINT_ID);

export interface Harness<S extends EventStore = EventStore> {
  store: S;
  /** Every event as the decider made it, with the instant and actor of its command (the decisions as they were made). */
  made: { streamName: string; type: string; data: unknown; at: string; actorSub: string }[];
  /** Decide and append a command at an instant (the store records it at the same instant). */
  run(
    streamName: string,
    decider: Decider<Command, DomainEvent, unknown>,
    command: Command,
    at: string,
    actor?: Partial<Actor>,
  ): Promise<void>;
  close(): Promise<void>;
}

/** `openStore`: the event store the scenario writes (a test passes the embedded one). */
export function createHarness<S extends EventStore>(openStore: (dataDir: string, now: () => string) => S): Harness<S> {
  const dir = mkdtempSync(join(tmpdir(), 'kezen-investigation-'));
  let clock = '2026-01-01T00:00:00.000Z';
  const store = openStore(dir, () => clock);
  let n = 0;
  const made: Harness<S>['made'] = [];
  return {
    store,
    made,
    async run(streamName, decider, command, at, actor = {}) {
      clock = new Date(at).toISOString();
      n += 1;
      const sub = actor.sub ?? 'user:officer';
      const result = await decideAndAppend({
        store,
        service: {
          decider,
          regulationVersionOf: (s) =>
            (s as { regulationVersion?: string }).regulationVersion ?? regulationVersionOf(s as never) ?? undefined,
        },
        streamName,
        command,
        commandId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        // Housing assistance decides with the regional parameters; the complaint decider ignores them.
        context: {
          now: clock,
          actor: { sub, roles: ['provider-officer'], providerId: 'akimat-almaty', ...actor },
          calendar,
          regulations,
          signatures: { verify: () => ({ valid: true }) },
          parameters: bundledParameters,
        } as HousingAssistanceContext,
      });
      if (result.outcome !== 'accepted') throw new Error(`${command.type} not accepted: ${JSON.stringify(result)}`);
      for (const e of result.events) made.push({ streamName, type: e.type, data: e.data, at: clock, actorSub: sub });
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ha = housingAssistanceDecider as unknown as Decider<Command, DomainEvent, unknown>;
const cd = complaintDecider as unknown as Decider<Command, DomainEvent, unknown>;

/** Instants of the scenario (10:00 Almaty = 05:00 UTC). */
export const T = {
  submitted: '2026-04-30T05:00:00Z',
  accepted: '2026-04-30T06:00:00Z',
  gateway: '2026-05-04T05:00:00Z',
  assigned: '2026-05-05T05:00:00Z',
  lodged: '2026-05-06T05:00:00Z',
  registered: '2026-05-06T06:00:00Z',
  forwarded: '2026-05-14T05:00:00Z',
  decided: '2026-05-15T05:00:00Z',
};

/** The case, decided on time; then the complaint: forwarded late, decided on time. */
export async function runScenario(h: Harness, upTo: keyof typeof T = 'decided'): Promise<void> {
  const steps: [keyof typeof T, string, Decider<Command, DomainEvent, unknown>, Command, Partial<Actor>?][] = [
    [
      'submitted',
      CASE_STREAM,
      ha,
      { type: 'SubmitApplication', data: { ...application(), caseId: CASE_ID } },
      { roles: ['intake-operator'] },
    ],
    [
      'accepted',
      CASE_STREAM,
      ha,
      { type: 'AcceptCompleteDocuments', data: { documents: ['application', 'lease contract'] } },
      { roles: ['intake-operator'] },
    ],
    ['gateway', CASE_STREAM, ha, { type: 'RecordGatewayData', data: gatewayData() }],
    [
      'assigned',
      CASE_STREAM,
      ha,
      { type: 'AssignAssistance', data: { decisionNumber: 'HA-2026-0412' } },
      { sub: 'user:head', roles: ['provider-head'] },
    ],
    [
      'lodged',
      COMPLAINT_STREAM,
      cd,
      {
        type: 'LodgeComplaint',
        data: {
          complaintId: COMPLAINT_ID,
          caseId: CASE_ID,
          service: 'housing-assistance',
          providerId: 'akimat-almaty',
          addressee: 'provider-head',
          complainant: {
            kind: 'applicant',
            iin: application().family.members[0]!.iin,
            fullName: 'Aigerim Serikovna Nurlanova',
          },
          subject: { kind: 'decision', description: 'The amount of housing assistance', reference: 'HA-2026-0412' },
          grounds: 'The income of the spouse was counted twice.',
        },
      },
      { sub: 'user:applicant', roles: ['applicant'] },
    ],
    ['registered', COMPLAINT_STREAM, cd, { type: 'RegisterComplaint', data: { registrationNumber: 'Ж-0042' } }],
    [
      'forwarded',
      COMPLAINT_STREAM,
      cd,
      {
        type: 'ForwardComplaint',
        data: {
          reviewBody: { id: 'qa-almaty', name: 'Комитет по контролю качества госуслуг' },
          caseFileReference: 'file-r3',
        },
      },
    ],
    [
      'decided',
      COMPLAINT_STREAM,
      cd,
      {
        type: 'DecideComplaint',
        data: { outcome: 'partly-upheld', reasons: 'Доход супруга учтён дважды; пересчитать.' },
      },
      { sub: 'user:reviewer', roles: ['complaint-reviewer'] },
    ],
  ];
  for (const [key, stream, decider, command, actor] of steps) {
    await h.run(stream, decider, command, T[key], actor);
    if (key === upTo) return;
  }
}
