/**
 * The contracts validate what the decider produces (ajv + ajv-formats, as the API does): commands from the fixtures
 * and every event of a full case; and they reject malformed input.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { privatizationCommandSchemas, privatizationEventSchemas, PUBLIC_PRIVATIZATION_COMMANDS } from '.';
import { signedRefusal, validSubmitApplication, TEST_FORMS } from '../../domain/privatization/testing/fixtures';
import {
  CaseScript,
  adoptDecision,
  dwellingDataSteps,
  formCommission,
  identityDataSteps,
  reviewCompliant,
  votes,
} from '../../domain/privatization/testing/case-script';
import { contracted, heard, registered } from '../../domain/privatization/testing/histories';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));

describe('privatization contracts (TypeBox → JSON Schema)', () => {
  test('every command and event schema closes its objects (additionalProperties: false) and has a description', () => {
    for (const schema of [...Object.values(privatizationCommandSchemas), ...Object.values(privatizationEventSchemas)]) {
      expect(schema.additionalProperties).toBe(false);
      expect(typeof schema.description).toBe('string');
    }
    expect(PUBLIC_PRIVATIZATION_COMMANDS).toHaveLength(19);
  });

  test.each(Object.entries(TEST_FORMS))('a valid SubmitApplication (%s) passes', (_name, form) => {
    const validate = ajv.compile(privatizationCommandSchemas.SubmitApplication);
    expect(validate(validSubmitApplication({ form }))).toBe(true);
    expect(validate(validSubmitApplication({ form, channel: 'portal' }))).toBe(true);
  });

  test('malformed input is rejected with the failing fields: IIN pattern, unknown property, date format', () => {
    const validate = ajv.compile(privatizationCommandSchemas.SubmitApplication);
    const bad = validSubmitApplication();
    const body = {
      ...bad,
      applicant: { ...bad.applicant, iin: '85031430101' },
      tenancy: { ...bad.tenancy, date: '15.09.2011' },
      extra: 1,
    };
    expect(validate(body)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => `${e.instancePath}:${e.keyword}`);
    expect(paths).toEqual(
      expect.arrayContaining(['/applicant/iin:pattern', '/tenancy/date:format', ':additionalProperties']),
    );
  });

  test('every event of a full track-1 case validates against its schema', () => {
    const c = new CaseScript();
    c.run('2026-03-02T05:00:00Z', {
      type: 'SubmitApplication',
      data: validSubmitApplication({ form: TEST_FORMS.residualValue }),
    });
    for (const cmd of identityDataSteps()) c.run('2026-03-03T05:00:00Z', cmd);
    c.run('2026-03-04T05:00:00Z', reviewCompliant);
    c.run('2026-03-05T05:00:00Z', formCommission);
    for (const v of votes('for', 'for', 'for')) c.run('2026-03-05T06:00:00Z', v);
    c.run('2026-03-06T05:00:00Z', adoptDecision(c.caseId, '2026-03-06T04:00:00Z'));
    for (const cmd of dwellingDataSteps()) c.run('2026-03-10T05:00:00Z', cmd);
    c.run('2026-03-11T05:00:00Z', {
      type: 'SignContract',
      data: { contractNumber: 'PC-1', contractForm: 'electronic', price: 4200000 },
    });
    c.run('2026-03-20T05:00:00Z', { type: 'RecordPayment', data: { amount: 4200000, reference: 'KZ-PAY-1' } });
    for (const e of c.history) {
      const validate = ajv.compile(privatizationEventSchemas[e.type]);
      const ok = validate(e.data);
      if (!ok) throw new Error(`${e.type}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(c.history.length).toBeGreaterThan(15);
  });

  test('every event of the track-3 instalment path through the portal and of the refusal path validates', () => {
    const t3 = contracted(
      { track: 'republican-institution', form: TEST_FORMS.instalments, channel: 'portal' },
      2900000,
    );
    t3.run('2026-04-01T05:00:00Z', { type: 'RecordPayment', data: { amount: 500000, reference: 'KZ-2' } });
    const refusal = heard();
    refusal.run('2026-03-30T05:00:00Z', formCommission);
    refusal.run('2026-03-30T05:00:00Z', { type: 'WithdrawApplication', data: { reason: 'changed my mind' } });
    const refused = heard();
    refused.run('2026-03-31T05:00:00Z', {
      type: 'IssueReasonedRefusal',
      data: signedRefusal(refused.caseId, ['not-meeting-requirements'], 'Not extended.', '2026-03-31T04:00:00Z'),
    });
    const late = registered();
    late.run('2026-04-02T05:00:00Z', { type: 'RecordDeadlineMissed', data: { deadlineId: 'decision' } });
    const all = [...t3.history, ...refusal.history, ...refused.history, ...late.history];
    for (const e of all) {
      const validate = ajv.compile(privatizationEventSchemas[e.type]);
      if (!validate(e.data)) throw new Error(`${e.type}: ${ajv.errorsText(validate.errors)}`);
    }
    const seen = new Set(all.map((e) => e.type));
    for (const t of [
      'InstalmentScheduleSet',
      'TransferCompleted',
      'PetitionSent',
      'HearingHeld',
      'ApplicationWithdrawn',
      'DeadlineCancelled',
      'DeadlineMissed',
    ]) {
      expect(seen).toContain(t);
    }
  });
});
