/**
 * The housing assistance module: what the shared platform needs to know, and nothing it already has.
 */
import { APPLICANT_IIN, CHILD_IIN, SPOUSE_IIN, application } from '../../../domain/housing-assistance/testing/fixtures';
import { housingAssistance } from '../../../domain/housing-assistance/testing/decider-spec';
import { ROLES } from '../../platform/roles';
import { housingAssistanceModule, HOUSING_ASSISTANCE_COMMAND_ROLES } from './module';

describe('housing assistance platform module', () => {
  test('every command has a row in the authorisation matrix, and only known roles appear', () => {
    expect(Object.keys(HOUSING_ASSISTANCE_COMMAND_ROLES).sort()).toEqual(
      Object.keys(housingAssistanceModule.commandSchemas).sort(),
    );
    for (const roles of Object.values(HOUSING_ASSISTANCE_COMMAND_ROLES))
      for (const r of roles) expect(ROLES).toContain(r);
    expect(housingAssistanceModule.commandSchemas).toHaveProperty(housingAssistanceModule.createCommand.name);
  });

  test('read-only roles send nothing; the State Corporation accepts the complete set (HA Rules §13)', () => {
    const all = Object.values(HOUSING_ASSISTANCE_COMMAND_ROLES).flat();
    for (const r of ['auditor', 'investigator', 'monitoring']) expect(all).not.toContain(r);
    expect(HOUSING_ASSISTANCE_COMMAND_ROLES.AcceptCompleteDocuments).toEqual(['intake-operator']);
    expect(HOUSING_ASSISTANCE_COMMAND_ROLES.RecordDeadlineMissed).toEqual([]);
  });

  test('the parties of a create body and of a folded case are the provider, the applicant and the family', () => {
    const expected = {
      providerId: 'akimat-almaty',
      applicantIin: APPLICANT_IIN,
      memberIins: [APPLICANT_IIN, SPOUSE_IIN, CHILD_IIN],
    };
    expect(housingAssistanceModule.partiesOfCreate(application())).toEqual(expected);
    const state = housingAssistance.given(
      housingAssistance
        .given()
        .when({ type: 'SubmitApplication', data: application() }, '2026-04-30T05:00:00Z')
        .events(),
    ).state;
    expect(housingAssistanceModule.partiesOf(state)).toEqual(expected);
    expect(housingAssistanceModule.regulationVersionOf(state)).toBe('order-115-2025');
    expect(housingAssistanceModule.partiesOf(housingAssistanceModule.decider.initialState)).toEqual({ memberIins: [] });
    expect(housingAssistanceModule.partiesOfCreate('not an object')).toEqual({ memberIins: [] });
  });

  test('the case list reads the case view by its own field names', () => {
    expect(housingAssistanceModule.readModels).toEqual({
      cases: 'housing_assistance_cases',
      fields: { submittedOn: 'registeredOn' },
    });
    expect(housingAssistanceModule.projections.map((p) => p.name)).toEqual(['housing-assistance-case-view']);
  });
});
