/** The compatibility comparison lets through the listed additions and removals, and nothing else. */
import { differences } from './differences';

const VIEW = '/v1/housing-assistance/cases/0b0e4a52-6a57-4c1e-9d5d-6f1f3b1a2c11';
const PRIVATIZATION = '/v1/privatization/cases/0b0e4a52-6a57-4c1e-9d5d-6f1f3b1a2c11';

test('a listed addition passes; the same field elsewhere, or an unlisted one, is a difference', () => {
  const old = { registeredOn: '2026-04-30', complaints: [{ registeredOn: null }] };
  const added = {
    ...old,
    registrationDate: '2026-04-30',
    complaints: [{ registeredOn: null, registrationDate: null }],
  };
  expect(differences(VIEW, old, added)).toEqual([]);
  expect(differences(`${VIEW}/timeline`, old, added)).toHaveLength(2);
  expect(differences(VIEW, old, { ...added, surprise: 1 })).toEqual(['/surprise: undefined → 1']);
});

test('every old field stays with its value: a changed or missing one is a difference, unless listed as removed', () => {
  const old = { registeredOn: '2026-04-30', fold: { status: 'x' } };
  expect(differences(VIEW, old, { registeredOn: '2026-05-04', fold: { status: 'x' } })).toEqual([
    '/registeredOn: "2026-04-30" → "2026-05-04"',
  ]);
  expect(differences(VIEW, old, { registeredOn: '2026-04-30' })).toEqual(['/fold: {"status":"x"} → undefined']);
  expect(differences(PRIVATIZATION, old, { registeredOn: '2026-04-30' })).toEqual([]);
  expect(
    differences('/v1/privatization/cases?limit=4', { items: [old] }, { items: [{ registeredOn: '2026-04-30' }] }),
  ).toEqual([]);
});

test('arrays keep their length: an added element is a difference', () => {
  expect(differences(VIEW, { dueDates: [] }, { dueDates: [] })).toEqual([]);
  expect(differences(VIEW, { partyIins: ['1'] }, { partyIins: ['1', '2'] })).toEqual(['/partyIins/1: undefined → "2"']);
});
