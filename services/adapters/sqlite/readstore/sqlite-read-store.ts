/**
 * The embedded read store: SQLite (better-sqlite3, WAL) in its own file (`<dataDir>/read-models.sqlite`, READ_MODELS_FILE), separate
 * from the event store. Documents are JSON; declared scalar fields are extracted into indexed columns `c_<field>`,
 * array (`multi`) fields into side tables. `commit` writes the documents and the checkpoint in one transaction.
 *
 * Physical tables: `rm_<collection>__g<generation>`; the catalogue `rs_generations` maps a projection to its
 * generations, which one is active, and each generation's checkpoint (see port.ts "Blue/green").
 *
 * This file is the connection and the ReadStore surface; the features live in siblings (small files by feature):
 * sqlite-catalog.ts (statement / shape caches, catalogue lookups, table DDL), sqlite-commit.ts (the commit body and
 * the compare-and-set checkpoint), sqlite-reads.ts (get / find / count), sqlite-generations.ts (blue/green).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ProjectionDescriptor, ReadDoc } from '../../../../projections/projection';
import type {
  CommitOptions,
  DocWrite,
  FindQuery,
  GenerationInfo,
  Page,
  ReadOptions,
  ReadStore,
  ReadStoreHealth,
} from '../../../platform/readstore/port';
import { SqliteCatalog, type GenerationRow } from './sqlite-catalog';
import { commitIn } from './sqlite-commit';
import { beginRebuildIn, dropPhysicalIn, initGenerations, switchAliasIn } from './sqlite-generations';
import { countIn, findIn, getManyIn } from './sqlite-reads';

/** The embedded read store's file in the data directory: its one spelling. */
export const READ_MODELS_FILE = 'read-models.sqlite';

export interface SqliteReadStoreOptions {
  /** A file path, or `:memory:`. */
  filename: string;
}

/**
 * The live projector's WAL is checkpointed every 4,000 pages (64 MiB) rather than SQLite's 1,000: the pages its
 * commits keep rewriting (index tails, the documents of open cases) are copied into the database less often: fewer
 * bytes written by the projector thread for the same CPU.
 */
const LIVE_CHECKPOINT_PAGES = 4_000;

export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  /** Shared with the feature files: the connection's statement / shape caches and catalogue lookups. */
  private readonly catalog: SqliteCatalog;
  /** The database file (`:memory:` for an in-memory store): a rebuild thread opens its own connection to it. */
  readonly filename: string;

  constructor(options: SqliteReadStoreOptions) {
    this.filename = options.filename;
    if (options.filename !== ':memory:') fs.mkdirSync(path.dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    // 16 KiB pages for a new file (no effect on an existing one): documents are JSON of up to a few kilobytes, and
    // bulk loads of a rebuild generation are faster than with 4 KiB pages.
    this.db.pragma('page_size = 16384');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -65536'); // 64 MiB: rebuilds write hundreds of MB of documents
    this.db.pragma(`wal_autocheckpoint = ${LIVE_CHECKPOINT_PAGES}`);
    this.db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
    this.catalog = new SqliteCatalog(this.db); // creates rs_generations (after page_size: it is the first table)
  }

  /**
   * Bulk load (a rebuild filling a new generation): the WAL is checkpointed every 20,000 pages (320 MiB) instead of
   * SQLite's 1,000, so index pages that each commit rewrites are copied into the database far less often (less CPU
   * and wall time for a bulk load). Durability is unchanged (synchronous stays NORMAL: the whole file, active
   * generations included, shares one WAL). Off again: back to LIVE_CHECKPOINT_PAGES, and the WAL file is truncated to
   * 64 MiB at the next checkpoint.
   */
  bulkLoad(on: boolean): void {
    this.db.pragma(`wal_autocheckpoint = ${on ? 20_000 : LIVE_CHECKPOINT_PAGES}`);
    // A parallel rebuild's threads take turns on the write lock, and SQLite's busy wait is not fair: under a CPU
    // profiler on a loaded machine one thread once waited more than the usual 5 s (SQLITE_BUSY). 60 s while loading.
    this.db.pragma(`busy_timeout = ${on ? 60_000 : 5_000}`);
    this.db.pragma(`journal_size_limit = ${on ? -1 : 64 * 2 ** 20}`);
  }

  /** Opens `<dataDir>/read-models.sqlite`. */
  static inDataDir(dataDir: string): SqliteReadStore {
    return new SqliteReadStore({ filename: path.join(dataDir, READ_MODELS_FILE) });
  }

  async init(projections: readonly ProjectionDescriptor[]): Promise<void> {
    initGenerations(this.catalog, projections);
  }

  async activeGeneration(projection: string): Promise<GenerationInfo> {
    return this.catalog.info(this.catalog.row(projection));
  }

  async generations(projection: string): Promise<GenerationInfo[]> {
    const rows = this.catalog
      .stmt('SELECT * FROM rs_generations WHERE projection = ? ORDER BY generation')
      .all(projection);
    return (rows as GenerationRow[]).map((r) => this.catalog.info(r));
  }

  async getCheckpoint(projection: string, generation?: number): Promise<number> {
    return this.catalog.row(projection, generation).checkpoint;
  }

  async commit(
    projection: string,
    writes: readonly DocWrite[],
    checkpoint: number,
    options: CommitOptions = {},
  ): Promise<void> {
    this.commitSync(projection, writes, checkpoint, options);
  }

  /** Synchronous commit (one transaction): used directly by the rebuild for speed. */
  commitSync(projection: string, writes: readonly DocWrite[], checkpoint: number, options: CommitOptions = {}): void {
    // BEGIN IMMEDIATE: the write lock is taken up front, so a writer that must wait for another connection (a
    // parallel rebuild's threads, a rebuild next to the live projector) waits in the busy handler instead of failing
    // with SQLITE_BUSY when its read snapshot turns out stale at the first write.
    this.db.transaction(() => commitIn(this.catalog, projection, writes, checkpoint, options)).immediate();
  }

  /**
   * Several projections' commits in ONE transaction (a rebuild's flush: one write-lock turn instead of one per
   * projection while another rebuild thread waits for it).
   */
  commitAllSync(
    commits: readonly {
      projection: string;
      writes: readonly DocWrite[];
      checkpoint: number;
      options?: CommitOptions;
    }[],
  ): void {
    this.db
      .transaction(() => {
        for (const c of commits) commitIn(this.catalog, c.projection, c.writes, c.checkpoint, c.options ?? {});
      })
      .immediate();
  }

  async get<D extends ReadDoc = ReadDoc>(collection: string, id: string, options: ReadOptions = {}): Promise<D | null> {
    const found = await this.getMany<D>(collection, [id], options);
    return found.get(id) ?? null;
  }

  async getMany<D extends ReadDoc = ReadDoc>(
    collection: string,
    ids: readonly string[],
    options: ReadOptions = {},
  ): Promise<Map<string, D>> {
    return this.getManySync<D>(collection, ids, options);
  }

  getManySync<D extends ReadDoc = ReadDoc>(
    collection: string,
    ids: readonly string[],
    options: ReadOptions = {},
  ): Map<string, D> {
    return getManyIn<D>(this.catalog, collection, ids, options);
  }

  async find<D extends ReadDoc = ReadDoc>(collection: string, query: FindQuery = {}): Promise<Page<D>> {
    return findIn<D>(this.catalog, collection, query);
  }

  async count(collection: string, where?: FindQuery['where']): Promise<number> {
    return countIn(this.catalog, collection, where);
  }

  async beginRebuild(projection: ProjectionDescriptor): Promise<number> {
    return beginRebuildIn(this.catalog, projection);
  }

  async switchAlias(projection: string, generation: number): Promise<number> {
    return switchAliasIn(this.catalog, projection, generation);
  }

  async dropPhysical(projection: string, generation: number): Promise<void> {
    dropPhysicalIn(this.catalog, projection, generation);
  }

  async health(): Promise<ReadStoreHealth> {
    try {
      this.catalog.stmt('SELECT 1').get();
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
