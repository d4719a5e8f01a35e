/**
 * Transfers between funds: track 2 (Rules §9.2; Annex 1 item 3.2) and track 3 (Rules §9.3; Annex 1 item 3.3).
 * Decision adopted Friday 6 March 2026.
 */
import { InvalidState, RuleViolation } from '../../shared/errors';
import { transferSteps } from '../testing/case-script';
import type { PrivatizationCommand } from '../types';
import { decided, dwellingDataSteps, tenAm } from '../testing/histories';
import { privatization } from '../testing/decider-spec';

const T2 = { track: 'communal-institution' as const };
const T3 = { track: 'republican-institution' as const };
const deadlineOf = (c: ReturnType<typeof decided>, id: string) =>
  c.state.status === 'none' ? undefined : c.state.deadlines[id]?.deadline.dueOn;

describe('Track 2 — transfer to the communal fund within 15 calendar days of the decision (Rules §9.2, Annex 1 item 3.2)', () => {
  test('the decision starts the transfer term: 6 March + 15 = Saturday 21 March → Thursday 26 March (23–25 March are Nauryz days off)', () => {
    expect(deadlineOf(decided(T2), 'transfer')).toBe('2026-03-26');
    expect(decided(T2).state.status).toBe('transfer');
  });

  test('act signed by both sides, approved, title registered, rights and technical data obtained → transfer completed, contract term starts', () => {
    const c = decided(T2);
    const [act, approve, register] = transferSteps('communal-institution') as [
      PrivatizationCommand,
      PrivatizationCommand,
      PrivatizationCommand,
    ];
    const signed = privatization.given(c.history).when(act, tenAm('2026-03-10'));
    expect(signed.events()[0]).toMatchObject({
      type: 'TransferActSigned',
      data: { signedOn: '2026-03-10', rule: 'Rules §9.2' },
    });
    const approved = signed.and().when(approve, tenAm('2026-03-11'));
    expect(approved.events()[0]).toMatchObject({
      type: 'TransferActApproved',
      data: { approvedOn: '2026-03-11' },
    });
    const registered = approved.and().when(register, tenAm('2026-03-12'));
    expect(registered.events()[0]).toMatchObject({
      type: 'TitleRegistered',
      data: { registeredOn: '2026-03-12' },
    });
    const [rights, technical] = dwellingDataSteps() as [PrivatizationCommand, PrivatizationCommand];
    const withRights = registered.and().when(rights, tenAm('2026-03-16'));
    expect(withRights.events().map((e) => e.type)).toEqual(['GatewayDataRecorded']);
    withRights
      .and()
      .when(technical, tenAm('2026-03-16'))
      .thenContains([
        { type: 'GatewayDataRecorded', data: { kind: 'technical-characteristics', rule: 'Rules §9.2' } },
        { type: 'TransferCompleted', data: { completedOn: '2026-03-16', rule: 'Rules §9.2' } },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'transfer', late: false } },
        { type: 'DeadlineSet', data: { deadline: { deadlineId: 'contract', dueOn: '2026-03-26' } } },
      ]);
  });

  test('dwelling data obtained before the registration do not complete the transfer', () => {
    const c = decided(T2);
    for (const cmd of dwellingDataSteps()) c.run(tenAm('2026-03-09'), cmd);
    let registered = privatization.given(c.history);
    for (const cmd of transferSteps('communal-institution'))
      registered = registered.when(cmd, tenAm('2026-03-10')).and();
    expect(registered.state.status).toBe('transfer');
  });

  test('the act is approved by the head of the communal-property body or the akim’s office (422 otherwise)', () => {
    const c = decided(T2);
    c.run(tenAm('2026-03-10'), transferSteps('communal-institution')[0] as PrivatizationCommand);
    privatization
      .given(c.history)
      .when(
        {
          type: 'ApproveTransferAct',
          data: { approvals: [{ fullName: 'X', office: 'state-property-territorial-unit' }] },
        },
        tenAm('2026-03-11'),
      )
      .thenFails(RuleViolation, { rule: 'Rules §9.2', code: 'wrong-approvers' });
  });

  test('a late transfer (completed 27 March, due 26 March) is still recorded, with the breach', () => {
    const c = decided(T2);
    for (const cmd of transferSteps('communal-institution')) c.run(tenAm('2026-03-20'), cmd);
    c.run(tenAm('2026-03-27'), dwellingDataSteps()[0] as PrivatizationCommand);
    privatization
      .given(c.history)
      .when(dwellingDataSteps()[1] as PrivatizationCommand, tenAm('2026-03-27'))
      .thenContains([
        { type: 'TransferCompleted' },
        {
          type: 'DeadlineMissed',
          data: { deadlineId: 'transfer', dueOn: '2026-03-26', missedOn: '2026-03-27', detectedBy: 'late-step' },
        },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'transfer', late: true } },
      ]);
  });

  test('track 2 has no petition (409, wrong track)', () => {
    privatization
      .given(decided(T2).history)
      .when(
        { type: 'SendPetition', data: { petitionNumber: 'P', akimOffice: 'A', propertyBody: 'B' } },
        tenAm('2026-03-10'),
      )
      .thenFails(InvalidState, { code: 'wrong-track' });
  });
});

describe('Track 3 — transfer from republican to communal ownership (Rules §9.3, Annex 1 item 3.3)', () => {
  test('the decision starts 30 days overall (6 March → Sunday 5 April → Monday 6 April) and 15 for the property body (21 March → 26 March)', () => {
    const c = decided(T3);
    expect([deadlineOf(c, 'transfer'), deadlineOf(c, 'property-body-decision')]).toEqual(['2026-04-06', '2026-03-26']);
  });

  test('petition → property body decision (agreed with the sectoral body) starts act + registration in 15 days', () => {
    const c = decided(T3);
    const [petition, pbDecision] = transferSteps('republican-institution') as PrivatizationCommand[];
    const sent = privatization.given(c.history).when(petition as PrivatizationCommand, tenAm('2026-03-10'));
    expect(sent.events()[0]).toMatchObject({
      type: 'PetitionSent',
      data: { sentOn: '2026-03-10', rule: 'Rules §9.3' },
    });
    sent
      .and()
      .when(pbDecision as PrivatizationCommand, tenAm('2026-03-11'))
      .thenContains([
        {
          type: 'PropertyBodyDecisionRecorded',
          data: { decidedOn: '2026-03-11', sectoralBody: 'Ministry of Defence' },
        },
        { type: 'DeadlineSatisfied', data: { deadlineId: 'property-body-decision', late: false } },
        { type: 'DeadlineSet', data: { deadline: { deadlineId: 'act-and-registration', dueOn: '2026-03-26' } } },
      ]);
  });

  test('order within track 3: no decision before the petition, no act before the decision (409 naming the step)', () => {
    const steps = transferSteps('republican-institution') as PrivatizationCommand[];
    const err = privatization
      .given(decided(T3).history)
      .when(steps[1] as PrivatizationCommand, tenAm('2026-03-11'))
      .thenFails(InvalidState);
    expect(err.details.needs).toMatch(/petition/);
    const c = decided(T3);
    c.run(tenAm('2026-03-10'), steps[0] as PrivatizationCommand);
    const err2 = privatization
      .given(c.history)
      .when(steps[2] as PrivatizationCommand, tenAm('2026-03-11'))
      .thenFails(InvalidState);
    expect(err2.details.needs).toMatch(/state-property body/);
  });

  test('the act is approved by both sides: the territorial unit (or National Bank) and the local executive body (or akim’s office)', () => {
    const c = decided(T3);
    for (const cmd of transferSteps('republican-institution').slice(0, 3)) c.run(tenAm('2026-03-11'), cmd);
    privatization
      .given(c.history)
      .when(
        {
          type: 'ApproveTransferAct',
          data: { approvals: [{ fullName: 'X', office: 'state-property-territorial-unit' }] },
        },
        tenAm('2026-03-12'),
      )
      .thenFails(RuleViolation, { rule: 'Rules §9.3', code: 'wrong-approvers' });
    privatization
      .given(c.history)
      .when(
        {
          type: 'ApproveTransferAct',
          data: {
            approvals: [
              { fullName: 'Deputy Chairman', office: 'national-bank-deputy-chairman' },
              { fullName: 'Akim', office: 'akim-office' },
            ],
          },
        },
        tenAm('2026-03-12'),
      )
      .thenContains([{ type: 'TransferActApproved', data: { rule: 'Rules §9.3' } }]);
  });

  test('registration satisfies the act-and-registration term; a late property-body decision is recorded with its breach', () => {
    const c = decided(T3);
    const steps = transferSteps('republican-institution');
    c.run(tenAm('2026-03-10'), steps[0] as PrivatizationCommand);
    const late = privatization.given(c.history).when(steps[1] as PrivatizationCommand, tenAm('2026-03-27'));
    expect(late.events()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'DeadlineMissed',
          data: expect.objectContaining({ deadlineId: 'property-body-decision', detectedBy: 'late-step' }),
        }),
      ]),
    );
    late
      .and()
      .when(steps[2] as PrivatizationCommand, tenAm('2026-03-27'))
      .and()
      .when(steps[3] as PrivatizationCommand, tenAm('2026-03-30'))
      .and()
      .when(steps[4] as PrivatizationCommand, tenAm('2026-03-31'))
      .thenContains([
        { type: 'TitleRegistered' },
        {
          type: 'DeadlineSatisfied',
          data: { deadlineId: 'act-and-registration', satisfiedOn: '2026-03-31', late: false },
        },
      ]);
  });
});
