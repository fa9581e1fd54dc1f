/**
 * The record tables the move carries, in order (venues before their figures), each with the key it
 * is walked by in batches (its primary key's first column, so each batch is an index range).
 */
export interface MoveTable {
  table: string;
  key: string;
  keyType: 'uuid' | 'text';
}

export const MOVE_TABLES: readonly MoveTable[] = [
  { table: 'persons', key: 'id', keyType: 'uuid' },
  { table: 'venues', key: 'id', keyType: 'uuid' },
  { table: 'labs', key: 'id', keyType: 'uuid' },
  { table: 'testing_sessions', key: 'id', keyType: 'uuid' },
  { table: 'worklist_items', key: 'id', keyType: 'uuid' },
  { table: 'declarations', key: 'id', keyType: 'uuid' },
  // Rows an investigation holds past their partition's drop: records like the others.
  { table: 'declarations_held', key: 'id', keyType: 'uuid' },
  { table: 'checkins', key: 'id', keyType: 'uuid' },
  { table: 'checkins_held', key: 'id', keyType: 'uuid' },
  { table: 'qr_card_batches', key: 'id', keyType: 'uuid' },
  { table: 'tubes', key: 'barcode', keyType: 'text' },
  { table: 'shipments', key: 'id', keyType: 'uuid' },
  { table: 'pending_identities', key: 'id', keyType: 'uuid' },
  { table: 'vaccination_sites', key: 'id', keyType: 'uuid' },
  { table: 'vaccination_doses', key: 'id', keyType: 'uuid' },
  { table: 'vaccination_adverse_events', key: 'id', keyType: 'uuid' },
];

export const MOVE_TABLE_NAMES = new Set([...MOVE_TABLES.map((t) => t.table), 'accounts']);

/** The pre2025 path of a row's unit, from its own columns ('/01/001/00001/'). */
export const OLD_PATH_SQL = (t: string) =>
  `'/' || ${t}.province_code || coalesce('/' || ${t}.district_code, '') || coalesce('/' || ${t}.commune_code, '') || '/'`;
