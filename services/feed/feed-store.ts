/**
 * The embedded monitoring feed (Rules §11): messages kept in the read store, in the `monitoring_feed` collection,
 * next to the per-case facts the projection needs; ordered by log position, which is also the public cursor.
 * Works on every ReadStore adapter (SQLite embedded, MongoDB/FerretDB).
 */
import { EventEmitter } from 'node:events';
import type { ServiceStageMessage } from '../../contracts/monitoring';
import type { ProjectionDescriptor, ReadDoc } from '../../projections/projection';
import type { FieldCondition, ReadStore } from '../readstore/port';

export const FEED_PROJECTION: ProjectionDescriptor = {
  name: 'monitoring-feed',
  version: 1,
  collection: 'monitoring_feed',
  indexes: [
    { field: 'kind' },
    // Only message documents carry `position` (the cursor); one message per log position.
    { field: 'position', unique: true },
    { field: 'providerId' },
    { field: 'serviceCode' },
    { field: 'caseId' },
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

export const messageKey = (messageId: string) => `msg:${messageId}`;

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
