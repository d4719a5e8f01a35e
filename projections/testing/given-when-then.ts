/**
 * Given recorded events / when more are delivered / then these documents — the spec shape of every projection, the
 * read-side twin of domain/shared/testing/given-when-then.ts. Events reach the projection as the projector delivers
 * them: filtered by its stream prefixes and event types, each applied to the documents its keys name, a `null`
 * deleting the document.
 *
 *   const caseView = spec(housingAssistanceCaseViewProjection);
 *   caseView.given(history).when(event).then(expectedDocument)
 *   caseView.given(history).document()             // the one document the history left
 *   caseView.given(history).when(replayed).thenUnchanged()
 */
import type { RecordedEvent } from '../../contracts/envelope';
import { handles, type Projection, type ReadDoc } from '../projection';

export interface ProjectionOutcome<D extends ReadDoc> {
  /** The document the events changed (or the one under `id`) is exactly this; `null`: it was deleted. */
  then(expected: D | null, id?: string): void;
  /** The collection is exactly these documents (in id order). */
  thenDocuments(expected: readonly D[]): void;
  /** The collection is what it was before the events (a replay, an event of another stream…). */
  thenUnchanged(): void;
  /** The document under `id` (the only one of the collection when not given). */
  document(id?: string): D;
  documents(): D[];
}

export interface ProjectionGiven<D extends ReadDoc> {
  /** The collection after the history, by id. */
  readonly collection: ReadonlyMap<string, D>;
  /** The document under `id` (the only one of the collection when not given). */
  document(id?: string): D;
  /** Every document, in id order. */
  documents(): D[];
  when(...events: RecordedEvent[]): ProjectionOutcome<D>;
}

export interface ProjectionSpec<D extends ReadDoc> {
  /** The collection after these events (several lists are read one after the other). */
  given(...history: (readonly RecordedEvent[])[]): ProjectionGiven<D>;
}

export function spec<D extends ReadDoc>(projection: Projection<D>): ProjectionSpec<D> {
  return {
    given(...history) {
      const before = project(projection, new Map(), history.flat());
      return {
        collection: before,
        document: (id) => documentOf(before, id),
        documents: () => sorted(before),
        when(...events) {
          const after = project(projection, before, events);
          const touched = [
            ...new Set(events.filter((e) => handles(projection, e)).flatMap((e) => projection.keysOf(e))),
          ];
          return {
            then(expected, id) {
              if (id === undefined && touched.length !== 1)
                throw new Error(`The events touch ${touched.length} documents (${touched.join(', ')}): say which`);
              expect(after.get(id ?? touched[0]!) ?? null).toEqual(expected);
            },
            thenDocuments: (expected) => expect(sorted(after)).toEqual(expected),
            thenUnchanged: () => expect(sorted(after)).toEqual(sorted(before)),
            document: (id) => documentOf(after, id),
            documents: () => sorted(after),
          };
        },
      };
    },
  };
}

/** The collection after the events, as the projector would store it (the input map is not changed). */
export function project<D extends ReadDoc>(
  projection: Projection<D>,
  collection: ReadonlyMap<string, D>,
  events: readonly RecordedEvent[],
): Map<string, D> {
  const docs = new Map(collection);
  for (const event of events) {
    if (!handles(projection, event)) continue;
    for (const key of projection.keysOf(event)) {
      const next = projection.evolve(docs.get(key) ?? null, event, key);
      if (next) docs.set(key, next);
      else docs.delete(key);
    }
  }
  return docs;
}

function documentOf<D extends ReadDoc>(docs: ReadonlyMap<string, D>, id: string | undefined): D {
  if (id === undefined) {
    if (docs.size !== 1) throw new Error(`The collection holds ${docs.size} documents: say which`);
    return [...docs.values()][0]!;
  }
  const doc = docs.get(id);
  if (!doc) throw new Error(`No document ${id} (the collection holds ${[...docs.keys()].join(', ') || 'none'})`);
  return doc;
}

const sorted = <D extends ReadDoc>(docs: ReadonlyMap<string, D>): D[] =>
  [...docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
