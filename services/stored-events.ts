/**
 * How every event store reads the log (the composition root gives it to each one it builds): the registered
 * services' former event type names as today's (docs/ARCHITECTURE.md "Names"). Renames only, data, so the SQLite
 * adapter's projector and rebuild threads apply them too.
 */
import { UpcasterRegistry } from './platform/eventstore/upcasting';
import { registry } from './registry';

export const storedEventUpcasters = (): UpcasterRegistry =>
  new UpcasterRegistry(
    [],
    registry.services.flatMap((s) => s.eventRenames ?? []),
  );
