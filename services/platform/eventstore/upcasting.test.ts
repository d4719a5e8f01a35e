/** The upcaster registry: renames (data) scoped to a stream prefix, then version steps under today's name. */
import type { RecordedEvent } from '../../../contracts/envelope';
import { UpcasterRegistry } from './upcasting';

const event = (streamName: string, type: string, schemaVersion = 1, data: unknown = { n: 1 }): RecordedEvent => ({
  eventId: 'e',
  type,
  schemaVersion,
  data,
  streamName,
  revision: 0,
  position: 1,
  metadata: {
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actor: { sub: 's', roles: [] },
    occurredAt: '2026-01-05T10:00:00Z',
    recordedAt: '2026-01-05T10:00:00Z',
    regulationVersion: 'order-115-2025',
    prevHash: 'p',
    hash: 'h',
  },
});

const renames = [{ streamPrefix: 'ha-', from: 'HaApplicationSubmitted', to: 'ApplicationSubmitted' }];

describe('renames', () => {
  it('read a former name as today’s in the streams of their prefix only', () => {
    const registry = new UpcasterRegistry([], renames);
    expect(registry.apply(event('ha-1', 'HaApplicationSubmitted')).type).toBe('ApplicationSubmitted');
    const elsewhere = event('other-1', 'HaApplicationSubmitted');
    expect(registry.apply(elsewhere)).toBe(elsewhere);
    const current = event('ha-1', 'ApplicationSubmitted');
    expect(registry.apply(current)).toBe(current);
  });

  it('change nothing but the type', () => {
    const stored = event('ha-1', 'HaApplicationSubmitted', 3, { a: [1] });
    const read = new UpcasterRegistry([], renames).apply(stored);
    expect(read).toEqual({ ...stored, type: 'ApplicationSubmitted' });
    expect(stored.type).toBe('HaApplicationSubmitted'); // the stored event is not touched
  });

  it('come before the version steps, which are registered under today’s name', () => {
    const registry = new UpcasterRegistry(
      [{ type: 'ApplicationSubmitted', fromVersion: 1, upcast: (d) => ({ ...(d as object), v2: true }) }],
      renames,
    );
    expect(registry.apply(event('ha-1', 'HaApplicationSubmitted'))).toMatchObject({
      type: 'ApplicationSubmitted',
      schemaVersion: 2,
      data: { n: 1, v2: true },
    });
  });

  it('are data: the registry hands them back as sent, and says whether it holds functions', () => {
    const only = new UpcasterRegistry([], renames);
    expect(only.renames).toEqual(renames);
    expect(JSON.parse(JSON.stringify(only.renames))).toEqual(renames);
    expect([only.isEmpty, only.hasFunctions]).toEqual([false, false]);
    const withSteps = new UpcasterRegistry([{ type: 'X', fromVersion: 1, upcast: (d) => d }], renames);
    expect(withSteps.hasFunctions).toBe(true);
    expect(new UpcasterRegistry().isEmpty).toBe(true);
  });

  it('refuse ambiguity: the same name twice in overlapping prefixes, or a chain', () => {
    expect(() => new UpcasterRegistry([], [...renames, { ...renames[0]!, to: 'Other' }])).toThrow('twice');
    expect(() => new UpcasterRegistry([], [...renames, { ...renames[0]!, streamPrefix: 'h' }])).toThrow('twice');
    expect(
      () => new UpcasterRegistry([], [...renames, { streamPrefix: 'ha-', from: 'ApplicationSubmitted', to: 'Y' }]),
    ).toThrow('chains');
    // Another service may use the same names in its own streams.
    expect(
      new UpcasterRegistry([], [...renames, { streamPrefix: 'other-', from: 'ApplicationSubmitted', to: 'Y' }]).renames,
    ).toHaveLength(2);
  });
});
