/**
 * The bookkeeping documents of the MongoDB read store (read-store.ts): one alias per projection in
 * `readstore_projections`, one document per physical generation in `readstore_generations`, and the generations'
 * physical collections `<collection>__g<n>`.
 */
import type { Collection, Db } from 'mongodb';
import type { IndexSpec, ProjectionDescriptor } from '../../../projections/projection';
import { isDuplicateKey } from './writes';

export interface AliasDoc {
  _id: string;
  collection: string;
  active: number;
  nextGeneration: number;
}

export interface GenerationDoc {
  _id: string;
  projection: string;
  generation: number;
  version: number;
  checkpoint: number;
  indexes: IndexSpec[];
}

export const generationId = (projection: string, generation: number) => `${projection}#${generation}`;
export const physicalName = (collection: string, generation: number) => `${collection}__g${generation}`;

export async function findGeneration(
  gens: Collection<GenerationDoc>,
  projection: string,
  generation: number,
): Promise<GenerationDoc> {
  const g = await gens.findOne({ _id: generationId(projection, generation) });
  if (!g) throw new Error(`Projection ${projection} has no generation ${generation}`);
  return g;
}

/** Two processes registering the same projection at once: the loser's upsert hits the duplicate `_id`. */
export async function upsertIgnoringRace(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** A generation document (checkpoint 0) and the indexes for every declared field. */
export async function createGeneration(
  db: Db,
  gens: Collection<GenerationDoc>,
  p: ProjectionDescriptor,
  generation: number,
  fresh: boolean,
): Promise<void> {
  const physical = db.collection(physicalName(p.collection, generation));
  if (fresh) await physical.drop().catch(() => undefined); // leftovers of an abandoned rebuild
  await upsertIgnoringRace(() =>
    gens.updateOne(
      { _id: generationId(p.name, generation) },
      {
        $setOnInsert: {
          projection: p.name,
          generation,
          version: p.version,
          checkpoint: 0,
          indexes: p.indexes.map((i) => ({ ...i })),
        },
      },
      { upsert: true },
    ),
  );
  const stored = await findGeneration(gens, p.name, generation);
  for (const index of stored.indexes ?? []) {
    // Unique: sparse, so documents without the field do not collide (MongoDB indexes a missing field as null).
    // Others end with _id, the tie-breaker of every list, so keyset pages walk the index.
    if (index.unique) await physical.createIndex({ [index.field]: 1 }, { unique: true, sparse: true });
    else await physical.createIndex({ [index.field]: 1, _id: 1 });
  }
}
