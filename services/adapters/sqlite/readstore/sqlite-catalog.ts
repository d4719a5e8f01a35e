/**
 * The SQLite read store's connection-level state, shared by its commit, query and generation code (split out of
 * sqlite-read-store.ts so each feature stays a small file): the prepared-statement and table-shape caches, the
 * `rs_generations` catalogue lookups, and the DDL of a generation's physical tables.
 *
 * Physical tables: `rm_<collection>__g<generation>`; the catalogue `rs_generations` maps a projection to its
 * generations, which one is active, and each generation's checkpoint (see port.ts "Blue/green").
 */
import type Database from 'better-sqlite3';
import type { IndexSpec } from '../../../../projections/projection';
import { QueryNotSupported, type GenerationInfo } from '../../../platform/readstore/port';
import { column, ident, type TableShape } from './sql-query';

export interface GenerationRow {
  projection: string;
  generation: number;
  version: number;
  collection: string;
  indexes: string;
  checkpoint: number;
  active: number;
}

export const physicalName = (collection: string, generation: number) => `rm_${collection}__g${generation}`;

export class Shape implements TableShape {
  readonly scalars: IndexSpec[];
  readonly multis: IndexSpec[];
  readonly upsertSql: string;
  readonly deleteSql: string;
  constructor(
    readonly table: string,
    readonly indexes: readonly IndexSpec[],
  ) {
    this.scalars = indexes.filter((i) => !i.multi);
    this.multis = indexes.filter((i) => i.multi);
    const t = ident(table);
    const cols = this.scalars.map((i) => column(i.field));
    this.upsertSql =
      `INSERT INTO ${t} (id, position, doc${cols.map((c) => `, ${c}`).join('')}) VALUES (?, ?, ?${cols.map(() => ', ?').join('')}) ` +
      `ON CONFLICT (id) DO UPDATE SET position = excluded.position, doc = excluded.doc${cols.map((c) => `, ${c} = excluded.${c}`).join('')} ` +
      `WHERE excluded.position >= ${t}.position`;
    this.deleteSql = `DELETE FROM ${t} WHERE id = ? AND position <= ?`;
  }
  sideTable(field: string): string {
    return `${this.table}__${field}`;
  }
}

export class SqliteCatalog {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly shapes = new Map<string, Shape>();

  constructor(readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS rs_generations (
      projection TEXT NOT NULL, generation INTEGER NOT NULL, version INTEGER NOT NULL, collection TEXT NOT NULL,
      indexes TEXT NOT NULL, checkpoint INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (projection, generation))`);
    db.exec('CREATE INDEX IF NOT EXISTS rs_generations_collection ON rs_generations (collection, active)');
  }

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  shape(collection: string, generation: number, indexesJson: string): Shape {
    const table = physicalName(collection, generation);
    const key = `${table}\n${indexesJson}`;
    let s = this.shapes.get(key);
    if (!s) {
      s = new Shape(table, JSON.parse(indexesJson) as IndexSpec[]);
      this.shapes.set(key, s);
    }
    return s;
  }

  /** Forgets a dropped generation's shape and the statements prepared against its tables (they are invalid now). */
  forget(shape: Shape, indexesJson: string): void {
    this.shapes.delete(`${shape.table}\n${indexesJson}`);
    for (const [sql] of this.statements) if (sql.includes(`"${shape.table}`)) this.statements.delete(sql);
  }

  /** Creates the tables of a generation; its secondary indexes now, or later (a rebuild loads first, then indexes). */
  createPhysical(shape: Shape, withIndexes = true): void {
    const t = ident(shape.table);
    const cols = shape.scalars.map((i) => `, ${column(i.field)}`).join('');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL${cols})`,
    );
    for (const i of shape.multis) {
      const side = ident(shape.sideTable(i.field));
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${side} (value, id TEXT NOT NULL, PRIMARY KEY (value, id)) WITHOUT ROWID`,
      );
      // Needed by every write (the document's old values are deleted by id): never deferred.
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${ident(`${shape.sideTable(i.field)}__id`)} ON ${side} (id)`);
    }
    if (withIndexes) this.createIndexes(shape);
  }

  createIndexes(shape: Shape): void {
    const t = ident(shape.table);
    for (const i of shape.scalars) {
      const name = ident(`${shape.table}__ix_${i.field}`);
      // Unique columns allow many NULLs (SQLite and MongoDB sparse semantics differ; documents should set them).
      this.db.exec(`CREATE ${i.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${t} (${column(i.field)}, id)`);
    }
  }

  row(projection: string, generation?: number): GenerationRow {
    const row = (
      generation === undefined
        ? this.stmt('SELECT * FROM rs_generations WHERE projection = ? AND active = 1').get(projection)
        : this.stmt('SELECT * FROM rs_generations WHERE projection = ? AND generation = ?').get(projection, generation)
    ) as GenerationRow | undefined;
    if (!row)
      throw new RangeError(
        `Unknown projection ${projection}${generation === undefined ? '' : ` generation ${generation}`}`,
      );
    return row;
  }

  rowOfCollection(collection: string, generation?: number): GenerationRow {
    const row = (
      generation === undefined
        ? this.stmt('SELECT * FROM rs_generations WHERE collection = ? AND active = 1').get(collection)
        : this.stmt('SELECT * FROM rs_generations WHERE collection = ? AND generation = ?').get(collection, generation)
    ) as GenerationRow | undefined;
    if (!row) throw new QueryNotSupported(`Unknown collection ${collection}`);
    return row;
  }

  info(row: GenerationRow): GenerationInfo {
    return { generation: row.generation, version: row.version, checkpoint: row.checkpoint, active: row.active === 1 };
  }
}
