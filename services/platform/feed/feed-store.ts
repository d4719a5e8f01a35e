/**
 * The embedded monitoring feed (Rules §11): messages kept in the read store, in the `monitoring_feed` collection,
 * next to the per-case facts the projection needs; ordered by log position, which is also the public cursor.
 * Works on every ReadStore adapter (SQLite embedded, MongoDB/FerretDB).
 */
import { EventEmitter } from 'node:events';
import type { ServiceStageMessage } from '../../../contracts/monitoring';
import type { ProjectionDescriptor, ReadDoc } from '../../../projections/projection';
import type { FieldCondition, ReadStore } from '../readstore/port';

/**
 * Indexed for the feed's queries (readFeed: messages after the cursor, optionally of a provider or a service; a
 * case's feed state by `kind`): every index entry is written when a message is stored, and the feed was the
 * projector thread's largest writer. No `caseId` index (no query asks for it): before this and messageKey's ordered
 * keys, the feed took a large share of the projector thread's disk writes and CPU under command load. A store
 * created with the former set keeps it (the indexes of a generation are fixed when it is created).
 */
export const FEED_PROJECTION: ProjectionDescriptor = {
  name: 'monitoring-feed',
  // 2: messages name their source event as today's code does (docs/ARCHITECTURE.md "Names"): rebuilt at start.
  version: 2,
  collection: 'monitoring_feed',
  indexes: [
    { field: 'kind' },
    // Only message documents carry `position` (the cursor); one message per log position.
    { field: 'position', unique: true },
    { field: 'providerId' },
    { field: 'serviceCode' },
  ],
};

/** The Kafka publisher's own checkpoint (the last feed position sent), kept through the same port. */
export const KAFKA_PUBLISHER_CHECKPOINT: ProjectionDescriptor = {
  name: 'monitoring-feed-kafka',
  version: 1,
  collection: 'monitoring_feed_kafka',
  indexes: [],
};

export type FeedMessageDoc = ReadDoc & ServiceStageMessage & { kind: 'message' };

/**
 * A message's document key: its log position, zero-padded, so new messages sort after the old ones in the key and in
 * every index ordered by key — each insert goes to the same last page instead of a random one (a message id is a
 * uuid). There is one message per log position, and the position is the public cursor anyway.
 */
export const messageKey = (position: number) => `msg:${String(position).padStart(16, '0')}`;

/** The key messages had before messageKey (by message id): deleted where a message is written again. */
export const legacyMessageKey = (messageId: string) => `msg:${messageId}`;

export interface FeedPage {
  items: ServiceStageMessage[];
  /** Pass back as `after` for the next page (the position of the last item, or the given cursor if none). */
  nextCursor: string;
}

export interface FeedQuery {
  /** Position cursor: messages strictly after it (0 = from the start). */
  after?: number;
  limit?: number;
  providerId?: string;
  serviceCode?: string;
}

export async function readFeed(readStore: ReadStore, query: FeedQuery = {}): Promise<FeedPage> {
  const after = query.after ?? 0;
  const where: Record<string, FieldCondition> = { kind: 'message', position: { gt: after } };
  if (query.providerId !== undefined) where.providerId = query.providerId;
  if (query.serviceCode !== undefined) where.serviceCode = query.serviceCode;
  const page = await readStore.find<FeedMessageDoc>(FEED_PROJECTION.collection, {
    where,
    orderBy: [{ field: 'position' }],
    limit: query.limit ?? 100,
  });
  const items = page.items.map(({ id: _id, kind: _kind, ...message }) => message as ServiceStageMessage);
  return { items, nextCursor: String(items.at(-1)?.position ?? after) };
}

/** In-process signal "the feed advanced to position p" (the publisher and SSE streams wake on it). */
export class FeedSignal extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0); // one per open event stream
  }
  advanced(position: number): void {
    this.emit('advanced', position);
  }
  onAdvance(listener: (position: number) => void): () => void {
    this.on('advanced', listener);
    return () => this.off('advanced', listener);
  }
}
