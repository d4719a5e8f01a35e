/**
 * A commit with `expectedCheckpoint` (the live projector's) on the MongoDB read store (read-store.ts): the fence's
 * I/O (fence.ts) over one generation — its checkpoint in `readstore_generations`, its documents written in order and
 * position-guarded (writes.ts), the checkpoint moved only from the step's `from`.
 */
import type { Collection, Document } from 'mongodb';
import type { BatchFence, FenceStep } from './fence';
import { findGeneration, generationId, type GenerationDoc } from './generations';
import { applyInOrder, type WriteOptions } from './writes';

export async function commitFenced(
  fence: BatchFence,
  gens: Collection<GenerationDoc>,
  physical: Collection<Document>,
  step: FenceStep,
  writeOptions: WriteOptions,
): Promise<void> {
  const { projection, generation } = step;
  const _id = generationId(projection, generation);
  await fence.commit(step, {
    checkpoint: async () => (await findGeneration(gens, projection, generation)).checkpoint,
    apply: (w, beforeWrite) => applyInOrder(physical, w, { ...writeOptions, beforeWrite }),
    advance: async (from, to) =>
      (await gens.updateOne({ _id, checkpoint: from }, { $set: { checkpoint: to } })).matchedCount === 1,
  });
}
