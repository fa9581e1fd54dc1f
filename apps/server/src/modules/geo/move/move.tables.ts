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

/**
 * Tables that name their unit by one code of any level (a province, a former district, a commune)
 * instead of the record's three columns. Few rows each: one statement moves a table (move.codes.ts).
 */
export interface CodeTable {
  table: string;
  key: string;
  keyType: 'uuid' | 'text';
  /** The unit code column; null means no unit (a national account, an import without a default). */
  column: string;
}

export const CODE_TABLES: readonly CodeTable[] = [
  { table: 'accounts', key: 'id', keyType: 'uuid', column: 'unit_code' },
  // A campaign's area (0040, 0067): its sites must lie in it.
  { table: 'vaccination_campaigns', key: 'id', keyType: 'uuid', column: 'area_code' },
  // An import's commune for rows that name none (0046, 0067): a resumed job goes on with it.
  { table: 'vaccination_imports', key: 'id', keyType: 'uuid', column: 'default_commune_code' },
];

/** Venue review settings per unit: merged, not moved row by row (move.codes.ts `moveReviewPolicies`). */
export const REVIEW_POLICIES = 'venue_review_policies';

export const MOVE_TABLE_NAMES = new Set([
  ...MOVE_TABLES.map((t) => t.table),
  ...CODE_TABLES.map((t) => t.table),
  REVIEW_POLICIES,
]);

/** The pre2025 path of a row's unit, from its own columns ('/01/001/00001/'). */
export const OLD_PATH_SQL = (t: string) =>
  `'/' || ${t}.province_code || coalesce('/' || ${t}.district_code, '') || coalesce('/' || ${t}.commune_code, '') || '/'`;
