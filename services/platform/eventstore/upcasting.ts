/**
 * Upcasting: events are stored in the schema version they were written with and upgraded on read, one version at
 * a time, by pure functions registered per (type, fromVersion). Every adapter applies the registry on read (not for
 * `raw` reads, which the hash-chain verifier uses: the chain covers the stored form).
 */
import type { RecordedEvent } from '../../../contracts/envelope';

/** Pure: data of version `fromVersion` → data of version `fromVersion + 1`. */
export type Upcast = (data: unknown) => unknown;

export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast: Upcast;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcast>();
  private readonly types = new Set<string>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const u of upcasters) this.register(u);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`Upcaster for ${key} registered twice`);
    this.byKey.set(key, upcaster.upcast);
    this.types.add(upcaster.type);
    return this;
  }

  /** The event at the newest version the registry knows (the same object when there is nothing to do). */
  apply<E extends RecordedEvent>(event: E): E {
    if (!this.types.has(event.type)) return event;
    let { schemaVersion, data } = event;
    for (
      let step = this.byKey.get(`${event.type}@${schemaVersion}`);
      step;
      step = this.byKey.get(`${event.type}@${schemaVersion}`)
    ) {
      data = step(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }
}

/** An empty registry: events are read as stored. */
export const noUpcasters = new UpcasterRegistry();
