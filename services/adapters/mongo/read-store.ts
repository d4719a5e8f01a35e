/**
 * The MongoDB read store (MONGODB_URL): the ReadStore port on MongoDB or FerretDB v1 (docs/REAL-SERVERS.md).
 *
 * Layout in the database:
 * - `readstore_projections`: one document per projection — its logical collection, the active generation and the
 *   next generation number (the blue/green alias: switching is one single-document update, atomic in both servers);
 * - `readstore_generations`: one per physical generation — version, indexes, checkpoint;
 * - `<collection>__g<n>`: the documents of generation n, `_id` = document id, `_position` = the guard, deleted
 *   documents as tombstones (writes.ts).
 *
 * No transactions (FerretDB v1 has none): documents are written first, in order and idempotently, and the
 * checkpoint is advanced only after its batch is written; a crash in between replays the batch as a no-op.
 * A commit with `expectedCheckpoint` (the live projector) goes through the fence (fence.ts, fenced-commit.ts): a
 * claim on the step from that checkpoint, so two projector instances never both apply a batch. The bookkeeping
 * documents are in generations.ts.
 */
import { MongoClient, type Collection, type Db, type Document } from 'mongodb';
import type { IndexSpec, ProjectionDescriptor, ReadDoc } from '../../../projections/projection';
import { effectiveLimit, encodeCursor } from '../../platform/readstore/cursor';
import {
  GenerationChanged,
  type CommitOptions,
  type DocWrite,
  type FindQuery,
  type GenerationInfo,
  type Page,
  type ReadOptions,
  type ReadStore,
  type ReadStoreHealth,
} from '../../platform/readstore/port';
import { BatchFence } from './fence';
import { commitFenced } from './fenced-commit';
import {
  createGeneration,
  findGeneration,
  generationId,
  physicalName,
  upsertIgnoringRace,
  type AliasDoc,
  type GenerationDoc,
} from './generations';
import { mongoFilter, mongoSort, sortOf, sortValues } from './query';
import { LIVE, applyInOrder, unstored } from './writes';

export { physicalName }; // the import path of the tests (test/integration/mongo-replay)

export interface MongoReadStoreOptions {
  url: string;
  database?: string;
  /** An existing client (then `close` leaves it open). */
  client?: MongoClient;
  /**
   * Position guard inside the replace filter (writes.ts). Default true (MongoDB and FerretDB). `false` = the FerretDB
   * fast path (guard checked by an `_id` lookup, replace by `_id`): several times faster on FerretDB v1, and it
   * survives a SIGKILL + restart (projector-kill integration test, KEZEN_IT_GUARD_IN_FILTER=false), but it is safe
   * only with ONE writer per projection at a time: two writers racing can regress a document (the old "one event
   * short" failure of that test was a second, orphaned projector process). Fenced commits (`expectedCheckpoint`,
   * fence.ts — the projector's) have one writer per step by construction; unfenced ones (the feed runner, rebuilds)
   * rely on running once per projection. `auto` picks it on FerretDB.
   */
  guardInFilter?: boolean | 'auto';
  /** Lease of a fenced commit's claim (fence.ts; default 10 s): how long a dead projector's claim blocks others. */
  fenceLeaseMs?: number;
}

export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly ownsClient: boolean;
  private readonly db: Db;
  private readonly aliases: Collection<AliasDoc>;
  private readonly gens: Collection<GenerationDoc>;
  /** Immutable facts, cached: a collection's projection, a generation's indexes. */
  private readonly projectionOf = new Map<string, string>();
  private readonly indexesOf = new Map<string, IndexSpec[]>();
  private guardInFilter?: boolean;
  private readonly fence: BatchFence;

  constructor(options: MongoReadStoreOptions) {
    this.ownsClient = !options.client;
    this.client = options.client ?? new MongoClient(options.url, { serverSelectionTimeoutMS: 5000 });
    this.db = this.client.db(options.database ?? 'kezen');
    this.aliases = this.db.collection<AliasDoc>('readstore_projections');
    this.gens = this.db.collection<GenerationDoc>('readstore_generations');
    this.guardInFilter = options.guardInFilter === 'auto' ? undefined : (options.guardInFilter ?? true);
    this.fence = new BatchFence(this.db, options.fenceLeaseMs ?? 10_000);
  }

  /** Whether the server is MongoDB proper (FerretDB answers buildInfo with `ferretdbVersion`). */
  private async writeOptions() {
    if (this.guardInFilter === undefined) {
      const info = await this.db.admin().command({ buildInfo: 1 });
      this.guardInFilter = info.ferretdbVersion === undefined;
    }
    return { guardInFilter: this.guardInFilter };
  }

  async init(projections: readonly ProjectionDescriptor[]): Promise<void> {
    await this.client.connect();
    await this.aliases.createIndex({ collection: 1 }, { unique: true });
    await this.gens.createIndex({ projection: 1, generation: 1 }, { unique: true });
    for (const p of projections) {
      await upsertIgnoringRace(() =>
        this.aliases.updateOne(
          { _id: p.name },
          { $setOnInsert: { collection: p.collection, active: 1, nextGeneration: 2 } },
          { upsert: true },
        ),
      );
      const alias = await this.alias(p.name);
      await createGeneration(this.db, this.gens, p, alias.active, false);
    }
  }

  async activeGeneration(projection: string): Promise<GenerationInfo> {
    const alias = await this.alias(projection);
    return this.info(await this.generation(projection, alias.active), alias.active);
  }

  async generations(projection: string): Promise<GenerationInfo[]> {
    const alias = await this.alias(projection);
    const docs = await this.gens.find({ projection }).sort({ generation: 1 }).toArray();
    return docs.map((g) => this.info(g, alias.active));
  }

  async getCheckpoint(projection: string, generation?: number): Promise<number> {
    const gen = generation ?? (await this.alias(projection)).active;
    return (await this.generation(projection, gen)).checkpoint;
  }

  async commit(
    projection: string,
    writes: readonly DocWrite[],
    checkpoint: number,
    options: CommitOptions = {},
  ): Promise<void> {
    const alias = await this.alias(projection);
    const generation = options.generation ?? alias.active;
    if (options.requireActive && generation !== alias.active)
      throw new GenerationChanged(projection, generation, alias.active);
    await this.generation(projection, generation); // must exist
    for (const w of writes) {
      if (w.collection !== alias.collection) {
        throw new Error(`Projection ${projection} writes ${alias.collection}, not ${w.collection}`);
      }
    }
    const physical = this.physical(alias.collection, generation);
    if (options.expectedCheckpoint !== undefined) {
      const step = { projection, generation, from: options.expectedCheckpoint, to: checkpoint, writes };
      return commitFenced(this.fence, this.gens, physical, step, await this.writeOptions());
    }
    await applyInOrder(physical, writes, await this.writeOptions());
    // Only after every write of the batch is stored (the port's ordering guarantee); never moves backwards.
    await this.gens.updateOne({ _id: generationId(projection, generation) }, { $max: { checkpoint } });
  }

  async get<D extends ReadDoc = ReadDoc>(collection: string, id: string, options?: ReadOptions): Promise<D | null> {
    const { physical } = await this.target(collection, options?.generation);
    // A bare `_id` filter (index-backed on FerretDB v1 too); tombstones are dropped here.
    const doc = await physical.findOne({ _id: id } as Document);
    return doc && doc._deleted !== true ? unstored<D>(doc) : null;
  }

  async getMany<D extends ReadDoc = ReadDoc>(
    collection: string,
    ids: readonly string[],
    options?: ReadOptions,
  ): Promise<Map<string, D>> {
    const found = new Map<string, D>();
    if (ids.length === 0) return found;
    const { physical } = await this.target(collection, options?.generation);
    const unique = [...new Set(ids)];
    let docs: Document[];
    if ((await this.writeOptions()).guardInFilter) {
      docs = await physical.find({ _id: { $in: unique }, ...LIVE } as Document).toArray();
    } else {
      // FerretDB v1 scans the collection for `$in`; bare `_id` lookups are index-backed (16 at a time).
      docs = [];
      for (let i = 0; i < unique.length; i += 16) {
        const chunk = await Promise.all(unique.slice(i, i + 16).map((id) => physical.findOne({ _id: id } as Document)));
        for (const d of chunk) if (d && d._deleted !== true) docs.push(d);
      }
    }
    for (const doc of docs) {
      const d = unstored<D>(doc);
      found.set(d.id, d);
    }
    return found;
  }

  async find<D extends ReadDoc = ReadDoc>(collection: string, query: FindQuery = {}): Promise<Page<D>> {
    const limit = effectiveLimit(query.limit);
    const { physical, indexes } = await this.target(collection);
    const sort = sortOf(indexes, query);
    const filter = { $and: [LIVE, mongoFilter(indexes, query.where, query.after, sort)] };
    const docs = await physical
      .find(filter)
      .sort(mongoSort(sort))
      .limit(limit + 1)
      .toArray();
    const page = docs.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((d) => unstored<D>(d)),
      nextCursor: docs.length > limit && last ? encodeCursor(sortValues(last, sort), String(last._id)) : null,
    };
  }

  async count(collection: string, where?: FindQuery['where']): Promise<number> {
    const { physical, indexes } = await this.target(collection);
    return physical.countDocuments({ $and: [LIVE, mongoFilter(indexes, where)] });
  }

  async beginRebuild(projection: ProjectionDescriptor): Promise<number> {
    await this.alias(projection.name);
    const bumped = await this.aliases.findOneAndUpdate(
      { _id: projection.name },
      { $inc: { nextGeneration: 1 } },
      { returnDocument: 'before' },
    );
    if (!bumped) throw new Error(`Projection ${projection.name} is not registered`);
    const generation = bumped.nextGeneration;
    await createGeneration(this.db, this.gens, projection, generation, true);
    return generation;
  }

  async switchAlias(projection: string, generation: number): Promise<number> {
    await this.generation(projection, generation);
    const before = await this.aliases.findOneAndUpdate(
      { _id: projection },
      { $set: { active: generation } },
      { returnDocument: 'before' },
    );
    if (!before) throw new Error(`Projection ${projection} is not registered`);
    return before.active;
  }

  async dropPhysical(projection: string, generation: number): Promise<void> {
    const alias = await this.alias(projection);
    if (alias.active === generation) throw new Error(`Projection ${projection}: generation ${generation} is active`);
    await this.physical(alias.collection, generation)
      .drop()
      .catch(() => undefined); // absent already
    await this.gens.deleteOne({ _id: generationId(projection, generation) });
    this.indexesOf.delete(generationId(projection, generation));
  }

  async health(): Promise<ReadStoreHealth> {
    try {
      const pong = await this.db.command({ ping: 1 });
      return { ok: pong.ok === 1 };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  // --- internals -------------------------------------------------------------------------------------------------

  private info(g: GenerationDoc, active: number): GenerationInfo {
    return { generation: g.generation, version: g.version, checkpoint: g.checkpoint, active: g.generation === active };
  }

  private physical(collection: string, generation: number): Collection<Document> {
    return this.db.collection(physicalName(collection, generation));
  }

  private async alias(projection: string): Promise<AliasDoc> {
    const alias = await this.aliases.findOne({ _id: projection });
    if (!alias) throw new Error(`Projection ${projection} is not registered`);
    return alias;
  }

  private generation(projection: string, generation: number): Promise<GenerationDoc> {
    return findGeneration(this.gens, projection, generation);
  }

  /** The physical collection a read goes to (the active generation unless told) and its declared indexes. */
  private async target(collection: string, generation?: number) {
    let projection = this.projectionOf.get(collection);
    let alias: AliasDoc | null = null;
    if (projection === undefined) {
      alias = await this.aliases.findOne({ collection });
      if (!alias) throw new Error(`Collection ${collection} belongs to no registered projection`);
      projection = alias._id;
      this.projectionOf.set(collection, projection);
    }
    const gen = generation ?? (alias ?? (await this.alias(projection))).active;
    const key = generationId(projection, gen);
    let indexes = this.indexesOf.get(key);
    if (!indexes) {
      // `?? []`: FerretDB v1 drops an empty array set by $setOnInsert (a projection without indexes).
      indexes = (await this.generation(projection, gen)).indexes ?? [];
      this.indexesOf.set(key, indexes);
    }
    return { physical: this.physical(collection, gen), indexes };
  }
}
