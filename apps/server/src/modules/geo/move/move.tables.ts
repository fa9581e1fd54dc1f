/**
 * The record tables the move carries, in order (venues before their figures), each with the key it
 * is walked by in batches (its primary key's first column, so each batch is an index range).
 */
export interface MoveTable {
  table: string;
  key: string;
  keyType: 'uuid' | 'text';
  /** persons: the batch also updates its people's name-word entries (person_name_words) itself. */
  nameWords?: boolean;
}

export const MOVE_TABLES: readonly MoveTable[] = [
  { table: 'persons', key: 'id', keyType: 'uuid', nameWords: true },
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
  // Cases and tracing (0041, 0043, 0044): where the case or the contact lives; where the cluster is.
  { table: 'cases', key: 'id', keyType: 'uuid' },
  { table: 'contacts', key: 'id', keyType: 'uuid' },
  { table: 'clusters', key: 'id', keyType: 'uuid' },
  { table: 'traced_cases', key: 'case_id', keyType: 'uuid' },
  // A case's named contacts not yet matched to a person (0059): where the line says they live.
  { table: 'named_contacts', key: 'id', keyType: 'uuid' },
  // Vaccination rows per person (keyed by person and disease: a person's rows move in one batch).
  { table: 'vaccination_corrections', key: 'id', keyType: 'uuid' },
  { table: 'vaccination_next_due', key: 'person_id', keyType: 'uuid' },
  { table: 'vaccination_coverage_people', key: 'person_id', keyType: 'uuid' },
  // Invitations (0056): the invited person's unit, as the officer's list reaches it.
  { table: 'vaccination_invitations', key: 'id', keyType: 'uuid' },
];

export const MOVE_TABLE_NAMES = new Set([...MOVE_TABLES.map((t) => t.table), 'accounts']);

/** The pre2025 path of a row's unit, from its own columns ('/01/001/00001/'). */
export const OLD_PATH_SQL = (t: string) =>
  `'/' || ${t}.province_code || coalesce('/' || ${t}.district_code, '') || coalesce('/' || ${t}.commune_code, '') || '/'`;
