/**
 * Reads the deadline index (projections/dashboard/deadline-index.ts) for the watcher: open deadlines whose term
 * has ended — dueOn < today (Asia/Almaty): a term ends at the end of its last day (Civil Code art. 176–178), so a
 * deadline due today is not yet missed.
 */
import { DEADLINE_INDEX, type DeadlineIndexDoc } from '../../../projections/dashboard/deadline-index';
import type { ReadStore } from '../../platform/readstore/port';

export interface OpenDeadlineSource {
  /** Open deadlines with dueOn < today, oldest first, in pages. */
  endedBefore(today: string): AsyncIterable<DeadlineIndexDoc>;
  /** Open deadlines due from `from` to `to` inclusive (approaching). */
  dueBetween(from: string, to: string): AsyncIterable<DeadlineIndexDoc>;
}

async function* pages(readStore: ReadStore, where: Record<string, unknown>): AsyncIterable<DeadlineIndexDoc> {
  let after: string | undefined;
  do {
    const page = await readStore.find<DeadlineIndexDoc>(DEADLINE_INDEX, {
      where: where as never,
      orderBy: [{ field: 'dueOn' }],
      limit: 500,
      ...(after ? { after } : {}),
    });
    yield* page.items;
    after = page.nextCursor ?? undefined;
  } while (after);
}

export function readStoreDeadlines(readStore: ReadStore): OpenDeadlineSource {
  return {
    endedBefore: (today) => pages(readStore, { state: 'open', dueOn: { lt: today } }),
    dueBetween: (from, to) => pages(readStore, { state: 'open', dueOn: { gte: from, lte: to } }),
  };
}
