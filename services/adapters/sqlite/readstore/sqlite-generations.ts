/**
 * Blue/green generations of the SQLite read store (port.ts "Blue/green"): creating the first generation of each
 * projection, starting a rebuild's new generation (tables only: it is indexed at the switch, after the bulk load),
 * switching the active generation and dropping an old one. Each step is one transaction on the catalogue.
 */
import type { ProjectionDescriptor } from '../../../../projections/projection';
import type { GenerationRow, SqliteCatalog } from './sqlite-catalog';
import { ident } from './sql-query';

export function initGenerations(catalog: SqliteCatalog, projections: readonly ProjectionDescriptor[]): void {
  catalog.db.transaction(() => {
    for (const p of projections) {
      ident(`rm_${p.collection}`);
      const rows = catalog.stmt('SELECT * FROM rs_generations WHERE projection = ?').all(p.name) as GenerationRow[];
      if (rows.length === 0) {
        catalog
          .stmt(
            'INSERT INTO rs_generations (projection, generation, version, collection, indexes, checkpoint, active) VALUES (?, 1, ?, ?, ?, 0, 1)',
          )
          .run(p.name, p.version, p.collection, JSON.stringify(p.indexes));
        catalog.createPhysical(catalog.shape(p.collection, 1, JSON.stringify(p.indexes)));
      } else {
        // An inactive generation may be a rebuild in progress (loading before indexing): tables only.
        for (const r of rows)
          catalog.createPhysical(catalog.shape(r.collection, r.generation, r.indexes), r.active === 1);
      }
    }
  })();
}

export function beginRebuildIn(catalog: SqliteCatalog, projection: ProjectionDescriptor): number {
  return catalog.db.transaction(() => {
    const active = catalog.row(projection.name);
    if (active.collection !== projection.collection)
      throw new RangeError(`Projection ${projection.name} cannot change its collection`);
    const max = catalog
      .stmt('SELECT MAX(generation) AS g FROM rs_generations WHERE projection = ?')
      .get(projection.name) as { g: number };
    const generation = max.g + 1;
    const indexes = JSON.stringify(projection.indexes);
    const shape = catalog.shape(projection.collection, generation, indexes);
    catalog.createPhysical(shape, false); // indexed at the switch, after the bulk load (much faster than maintaining)
    catalog
      .stmt(
        'INSERT INTO rs_generations (projection, generation, version, collection, indexes, checkpoint, active) VALUES (?, ?, ?, ?, ?, 0, 0)',
      )
      .run(projection.name, generation, projection.version, projection.collection, indexes);
    return generation;
  })();
}

export function switchAliasIn(catalog: SqliteCatalog, projection: string, generation: number): number {
  return catalog.db.transaction(() => {
    const previous = catalog.row(projection);
    const next = catalog.row(projection, generation);
    catalog.createIndexes(catalog.shape(next.collection, next.generation, next.indexes));
    catalog
      .stmt('UPDATE rs_generations SET active = (generation = ?) WHERE projection = ?')
      .run(generation, projection);
    return previous.generation;
  })();
}

export function dropPhysicalIn(catalog: SqliteCatalog, projection: string, generation: number): void {
  catalog.db.transaction(() => {
    const row = catalog.row(projection, generation);
    if (row.active === 1) throw new RangeError(`Refusing to drop the active generation ${generation} of ${projection}`);
    const shape = catalog.shape(row.collection, row.generation, row.indexes);
    for (const i of shape.multis) catalog.db.exec(`DROP TABLE IF EXISTS ${ident(shape.sideTable(i.field))}`);
    catalog.db.exec(`DROP TABLE IF EXISTS ${ident(shape.table)}`);
    catalog.stmt('DELETE FROM rs_generations WHERE projection = ? AND generation = ?').run(projection, generation);
    catalog.forget(shape, row.indexes);
  })();
}
