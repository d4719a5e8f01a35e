/**
 * The document cache of a rebuild, bounded in memory (the memory target: peak RSS < 1 GiB for a 1M-event rebuild).
 *
 * A rebuild writes into a new, empty generation, so a key the cache has never seen is a new document: no read. Once
 * flushed, documents are clean and may be evicted (least recently used first, by a byte budget measured on their
 * JSON); an evicted key goes into a Bloom filter, and a later miss on a key the filter may contain is read back from
 * the new generation (one `getMany` per page). A miss the filter rules out is certainly new — the filter has no false
 * negatives — so e.g. the timeline's write-once steps never cost a read. Only clean documents are evicted: the
 * generation always holds what the fold needs.
 */
import type { RecordedEvent } from '../../../contracts/envelope';
import { handles, type Projection, type ReadDoc } from '../../../projections/projection';
import { multiFieldsOf, storedMultiOf, type DocWrite, type ReadStore } from '../readstore/port';

interface Entry {
  doc: ReadDoc | null;
  /** Position of the last event applied since the last flush; 0 when clean. */
  dirty: number;
  /** JSON length when last flushed (the weight for the budget). */
  bytes: number;
  /** Touched since the last eviction pass (second chance). */
  used: boolean;
  /** Its multi-valued index fields as the generation holds them (null: not written yet), for DocWrite.storedMulti. */
  stored: Record<string, string> | null;
}

/** A Bloom filter of strings (FNV-1a and a second 32-bit hash, double hashing), `bits` a power of two. */
export class StringBloom {
  private readonly words: Uint32Array;
  private readonly mask: number;
  constructor(
    bits = 1 << 24,
    private readonly hashes = 4,
  ) {
    this.words = new Uint32Array(bits >>> 5);
    this.mask = bits - 1;
  }
  private static hash(s: string): [number, number] {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    return [h1 >>> 0, (h2 | 1) >>> 0];
  }
  add(s: string): void {
    const [a, b] = StringBloom.hash(s);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask;
      this.words[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  mayContain(s: string): boolean {
    const [a, b] = StringBloom.hash(s);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (a + Math.imul(i, b)) & this.mask;
      if ((this.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

export class RebuildCache {
  private readonly entries = new Map<string, Entry>();
  private readonly evicted = new StringBloom();
  /** Dirty entries since the last flush, as pairs (key, entry): a flush visits only these. */
  private dirty: (string | Entry)[] = [];
  /** Sum of `bytes` of the cached entries. */
  bytes = 0;
  /** Events with at least one key. */
  handled = 0;

  /**
   * @param fresh true: the generation held nothing when the fold began (a miss not in the filter is a new document);
   * false: it may hold anything (the catch-up after a parallel phase: every miss is read).
   */
  /** The projection's multi-valued index fields (none: nothing to track). */
  private readonly multi: string[];

  constructor(
    readonly projection: Projection,
    private readonly fresh: boolean,
  ) {
    this.multi = multiFieldsOf(projection.indexes);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Folds a page of events into the cache: reads the misses that may exist in `generation` (one getMany), then
   * applies `evolve` in log order.
   */
  async apply(events: readonly RecordedEvent[], readStore: ReadStore, generation: number): Promise<void> {
    const { projection } = this;
    const work: RecordedEvent[] = [];
    const workKeys: (readonly string[])[] = [];
    let toRead: Set<string> | undefined;
    for (const event of events) {
      if (!handles(projection, event)) continue;
      const keys = projection.keysOf(event);
      if (keys.length === 0) continue;
      this.handled += 1;
      for (const k of keys) {
        if (this.entries.has(k) || (this.fresh && !this.evicted.mayContain(k))) continue;
        (toRead ??= new Set()).add(k);
      }
      work.push(event);
      workKeys.push(keys);
    }
    if (toRead) {
      const ids = [...toRead];
      const found = await readStore.getMany(projection.collection, ids, { generation });
      for (const id of ids) {
        const doc = (found.get(id) as ReadDoc | undefined) ?? null;
        // Clean until changed: weighed by its JSON now.
        const bytes = doc ? JSON.stringify(doc).length : 0;
        this.entries.set(id, { doc, dirty: 0, bytes, used: false, stored: storedMultiOf(doc, this.multi) });
        this.bytes += bytes;
      }
    }
    for (let i = 0; i < work.length; i++) {
      const event = work[i]!;
      for (const key of workKeys[i]!) {
        let entry = this.entries.get(key);
        if (!entry) {
          // Not marked used: a document touched once (a timeline step) is the first to go. Not in the generation:
          // a miss that needed no read (fresh, ruled out by the filter) or one read as absent.
          entry = { doc: null, dirty: 0, bytes: 0, used: false, stored: null };
          this.entries.set(key, entry);
        } else entry.used = true;
        if (entry.dirty === 0) this.dirty.push(key, entry);
        entry.doc = projection.evolve(entry.doc, event, key);
        entry.dirty = event.position;
      }
    }
  }

  /** The dirty documents as writes (serialized here: the JSON length is their weight), and marks them clean. */
  takeWrites(): DocWrite[] {
    const writes: DocWrite[] = [];
    const collection = this.projection.collection;
    const dirty = this.dirty;
    this.dirty = [];
    for (let i = 0; i < dirty.length; i += 2) {
      const id = dirty[i] as string;
      const entry = dirty[i + 1] as Entry;
      const position = entry.dirty;
      entry.dirty = 0;
      const storedMulti = entry.stored;
      // Flushed: the generation then holds this version (a failed flush fails the whole rebuild).
      entry.stored = this.multi.length > 0 ? storedMultiOf(entry.doc, this.multi) : null;
      if (entry.doc === null) {
        this.bytes -= entry.bytes;
        entry.bytes = 0;
        writes.push({ collection, id, doc: null, position, storedMulti });
        continue;
      }
      const json = JSON.stringify(entry.doc);
      this.bytes += json.length - entry.bytes;
      entry.bytes = json.length;
      writes.push({ collection, id, doc: entry.doc, position, json, storedMulti });
    }
    return writes;
  }

  /**
   * Evicts clean documents until the cache weighs at most `targetBytes`: oldest first, but a document used since the
   * last pass gets a second chance (moved to the young end). Call after a flush (dirty documents are skipped).
   */
  evict(targetBytes: number): void {
    if (this.bytes <= targetBytes) return;
    for (const [id, entry] of this.entries) {
      if (this.bytes <= targetBytes) break;
      if (entry.dirty !== 0) continue;
      this.entries.delete(id);
      if (entry.used) {
        entry.used = false;
        this.entries.set(id, entry); // second chance: iteration reaches it again only after the older ones
        continue;
      }
      this.bytes -= entry.bytes;
      this.evicted.add(id);
    }
  }
}
