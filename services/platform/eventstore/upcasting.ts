/**
 * Upcasting: events are stored as they were written and read as today's code names and shapes them. Every adapter
 * applies the registry on read (not for `raw` reads, which the hash-chain verifier uses: the chain covers the
 * stored form). Two kinds of step:
 * - renames (`EventRename`, contracts/envelope.ts): a former type name read as today's, in the streams of one prefix.
 *   Data only, so a registry of renames alone can be sent to another thread (`renames`) and rebuilt there;
 * - version steps: pure functions registered per (today's type, fromVersion), applied one version at a time, after
 *   the rename.
 */
import type { EventRename, RecordedEvent } from '../../../contracts/envelope';

export type { EventRename };

/** Pure: data of version `fromVersion` → data of version `fromVersion + 1`. */
export type Upcast = (data: unknown) => unknown;

export interface Upcaster {
  /** Today's type name (a renamed type's steps are registered under its new name). */
  type: string;
  fromVersion: number;
  upcast: Upcast;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcast>();
  private readonly types = new Set<string>();
  private readonly renamesOf = new Map<string, EventRename[]>();
  private readonly renameList: EventRename[] = [];

  constructor(upcasters: readonly Upcaster[] = [], renames: readonly EventRename[] = []) {
    for (const r of renames) this.rename(r);
    for (const u of upcasters) this.register(u);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`Upcaster for ${key} registered twice`);
    this.byKey.set(key, upcaster.upcast);
    this.types.add(upcaster.type);
    return this;
  }

  /** Reads `from` as `to` in the streams starting with `streamPrefix`. */
  rename(rename: EventRename): this {
    const { streamPrefix, from, to } = rename;
    if (!streamPrefix || !from || !to || from === to) throw new Error(`Invalid rename ${JSON.stringify(rename)}`);
    const same = this.renamesOf.get(from) ?? [];
    // One reading per stored name: overlapping prefixes would make it depend on the order of registration.
    if (same.some((r) => overlap(r.streamPrefix, streamPrefix)))
      throw new Error(`Rename of ${from} in ${streamPrefix}* registered twice`);
    // No chains: each former name maps straight to today's, so one look-up reads it.
    if (this.renameList.some((r) => overlap(r.streamPrefix, streamPrefix) && (r.from === to || r.to === from)))
      throw new Error(`Rename ${from} → ${to} chains with another rename: map each former name to today's`);
    const entry = { streamPrefix, from, to };
    this.renamesOf.set(from, [...same, entry]);
    this.renameList.push(entry);
    return this;
  }

  /** The type an event stored as `type` in `streamName` is read as. */
  typeOf(streamName: string, type: string): string {
    const renames = this.renamesOf.get(type);
    if (renames === undefined) return type;
    for (const r of renames) if (streamName.startsWith(r.streamPrefix)) return r.to;
    return type;
  }

  /** The event as today's code reads it (the same object when there is nothing to do). */
  apply<E extends RecordedEvent>(event: E): E {
    const type = this.typeOf(event.streamName, event.type);
    if (!this.types.has(type)) return type === event.type ? event : { ...event, type };
    let { schemaVersion, data } = event;
    for (
      let step = this.byKey.get(`${type}@${schemaVersion}`);
      step;
      step = this.byKey.get(`${type}@${schemaVersion}`)
    ) {
      data = step(data);
      schemaVersion += 1;
    }
    if (type === event.type && schemaVersion === event.schemaVersion) return event;
    return { ...event, type, schemaVersion, data };
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0 && this.renameList.length === 0;
  }

  /** Whether any step is a function (cannot be sent to another thread; the renames can: `renames`). */
  get hasFunctions(): boolean {
    return this.byKey.size > 0;
  }

  /** The renames, as data (a copy). */
  get renames(): EventRename[] {
    return this.renameList.map((r) => ({ ...r }));
  }
}

const overlap = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** An empty registry: events are read as stored. */
export const noUpcasters = new UpcasterRegistry();
