/** Every event the complaint decider emits, and every command the specs send, is valid against the public schemas. */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { at10, forwarded, lodged, registered } from '../../domain/complaints/testing/fixtures';
import { complaints } from '../../domain/complaints/testing/decider-spec';
import { complaintCommandSchemas, complaintEventSchemas } from '.';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const valid = (schema: object, value: unknown) => {
  const ok = ajv.validate(schema, value);
  return ok ? 'valid' : ajv.errorsText();
};

test('events of a lodged → registered → forwarded → decided complaint match complaintEventSchemas', () => {
  const steps = [
    lodged('2026-03-20'),
    registered('2026-03-20'),
    forwarded('2026-03-31'),
    {
      command: { type: 'DecideComplaint' as const, data: { outcome: 'upheld' as const, reasons: 'Late.' } },
      at: at10('2026-04-03'),
    },
  ];
  for (const s of steps) expect(valid(complaintCommandSchemas[s.command.type], s.command.data)).toBe('valid');
  const events = complaints.history(steps);
  expect(events.map((e) => e.type)).toContain('DeadlineMissed');
  for (const e of events) expect(`${e.type}: ${valid(complaintEventSchemas[e.type], e.data)}`).toBe(`${e.type}: valid`);
});

test('a satisfied complaint’s events match too', () => {
  const events = complaints.history([
    lodged('2026-03-20'),
    registered('2026-03-20'),
    {
      command: {
        type: 'SatisfyComplaint',
        data: { measure: { kind: 'administrative-action', description: 'Decision taken' } },
      },
      at: at10('2026-03-26'),
    },
  ]);
  for (const e of events) expect(`${e.type}: ${valid(complaintEventSchemas[e.type], e.data)}`).toBe(`${e.type}: valid`);
});

test('the schemas reject a complaint with an unknown addressee or without grounds', () => {
  const { grounds: _g, ...noGrounds } = complaints.history([lodged('2026-03-20')])[0]?.data as Record<string, unknown>;
  expect(valid(complaintEventSchemas.ComplaintLodged, noGrounds)).not.toBe('valid');
  expect(valid(complaintCommandSchemas.LodgeComplaint, { addressee: 'the-president' })).not.toBe('valid');
});
