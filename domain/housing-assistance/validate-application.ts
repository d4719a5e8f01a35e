/**
 * Checks of an application that passed the schema but may still be impossible (→ InvalidCommand, 400) or break a
 * rule (→ RuleViolation, 422): one applicant, distinct members, a lease for a rented dwelling, exact quantities,
 * a known region, and the consent of every adult family member.
 */
import type { Static } from '@sinclair/typebox';
import type { SubmitApplication } from '../../contracts/housing-assistance/commands';
import { isValidLocalDate } from '../calendar/dates';
import type { LocalDate } from '../calendar/types';
import { InvalidCommand, RuleViolation } from '../shared/errors';
import { checkIin } from '../shared/iin';
import { toThousandths } from './exact';
import type { ParameterRegistry } from './parameters';
import { HA_CONSENT_RULE } from './rules';

type Application = Static<typeof SubmitApplication>;
type Field = { path: string; message: string };

/** Age of majority: 18 full years on the registration date (Civil Code art. 17). */
export function isAdultOn(birthDate: LocalDate, on: LocalDate): boolean {
  const eighteenth = `${String(Number(birthDate.slice(0, 4)) + 18).padStart(4, '0')}${birthDate.slice(4)}`;
  return eighteenth <= on;
}

export function validateApplication(app: Application, registeredOn: LocalDate, parameters: ParameterRegistry): void {
  const fields: Field[] = [];
  const members = app.family.members;
  const applicants = members.filter((m) => m.kinship === 'applicant');
  if (applicants.length !== 1)
    fields.push({
      path: '/family/members',
      message: `exactly one member must be the applicant (found ${applicants.length})`,
    });
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.iin))
      fields.push({ path: `/family/members/${i}/iin`, message: 'the same IIN appears twice in the family' });
    seen.add(m.iin);
    const check = checkIin(m.iin);
    if (!check.valid) fields.push({ path: `/family/members/${i}/iin`, message: `not a valid IIN (${check.reason})` });
    else if (check.birthDate !== m.birthDate)
      fields.push({
        path: `/family/members/${i}/birthDate`,
        message: `differs from the birth date in the IIN (${check.birthDate})`,
      });
    if (!isValidLocalDate(m.birthDate))
      fields.push({ path: `/family/members/${i}/birthDate`, message: 'not a calendar date' });
    else if (m.birthDate > registeredOn)
      fields.push({ path: `/family/members/${i}/birthDate`, message: 'is after the registration date' });
  });
  if (app.dwelling.basis !== 'only-dwelling-owned' && !app.dwelling.lease)
    fields.push({
      path: '/dwelling/lease',
      message: 'a rented or akimat-leased dwelling needs its lease (tenancy) contract',
    });
  const area = toThousandths(app.dwelling.totalAreaM2);
  if (area === null || area === 0)
    fields.push({ path: '/dwelling/totalAreaM2', message: 'must be positive with at most 3 decimals' });
  app.monthlyExpenses.forEach((e, i) => {
    if (e.kind === 'utility' && toThousandths(e.quantity) === null)
      fields.push({ path: `/monthlyExpenses/${i}/quantity`, message: 'at most 3 decimals' });
  });
  if (!parameters.hasRegion(app.regionCode))
    fields.push({
      path: '/regionCode',
      message: `no parameter file for region "${app.regionCode}" (known: ${parameters.regions().join(', ')})`,
    });
  if (fields.length > 0) throw new InvalidCommand('The application is not valid', 'invalid-application', fields);

  const withoutConsent = members.filter((m) => isAdultOn(m.birthDate, registeredOn) && !m.consent);
  if (withoutConsent.length > 0)
    throw new RuleViolation(
      'Every adult family member must consent to the use of their data held in information systems',
      HA_CONSENT_RULE,
      'adult-consent-missing',
      { membersWithoutConsent: withoutConsent.map((m) => members.indexOf(m)), registeredOn },
    );
}
