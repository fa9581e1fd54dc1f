/**
 * Which module owns each table (docs/architecture.md, "Module map"): only the owner names the table in
 * its SQL; others read and write through the owner's public surface (modules/<m>/index.ts).
 * `core` tables are core's machinery, which every module may use through core's helpers.
 * `cross-module-sql.test.ts` checks every table of the migrations is here and that no module names
 * another's table.
 */
export const TABLE_OWNERS: Record<string, string> = {
  // named read views (0069), any module may join them: see READ_VIEWS
  person_brief: 'people',
  account_brief: 'accounts',
  unit_brief: 'geo',
  venue_brief: 'venues',
  // named read views (0071)
  lab_brief: 'lab',
  person_result_brief: 'lab',
  retest_brief: 'lab',
  checkin_brief: 'checkins',
  declaration_brief: 'declarations',
  revocation_brief: 'keys',
  venue_staff_brief: 'venues',
  // named read views (0074): sampling's tubes for the lab module
  tube_brief: 'sampling',
  tube_member_brief: 'sampling',
  pending_identity_brief: 'scan',
  // named read view (0078): a tracing list's phones
  person_contact_brief: 'people',
  // core
  audit_log: 'core',
  deployment_settings: 'core',
  idempotency_keys: 'core',
  import_column_maps: 'core',
  sessions: 'core',
  // geo
  admin_units: 'geo',
  admin_unit_mapping_2025: 'geo',
  reference_data: 'geo',
  unit_move_map: 'geo',
  unit_move_reviews: 'geo',
  unit_move_runs: 'geo',
  // keys
  signing_keys: 'keys',
  revocations: 'keys',
  dcc_cscas: 'keys',
  dcc_trusted_signers: 'keys',
  // outbox
  outbox_messages: 'outbox',
  domain_events: 'outbox',
  domain_event_handlings: 'outbox',
  // accounts
  accounts: 'accounts',
  api_tokens: 'accounts',
  otp_codes: 'accounts',
  password_guesses: 'accounts',
  // people
  persons: 'people',
  person_history: 'people',
  person_family_links: 'people',
  person_name_words: 'people',
  // worklist
  worklist_items: 'worklist',
  // venues
  venues: 'venues',
  venue_staff: 'venues',
  venue_review_policies: 'venues',
  // personal-qr
  personal_qr_tokens: 'personal-qr',
  qr_card_batches: 'personal-qr',
  // scan
  pending_identities: 'scan',
  // checkins
  checkins: 'checkins',
  checkin_ids: 'checkins',
  checkin_holds: 'checkins',
  checkins_held: 'checkins',
  // declarations
  declarations: 'declarations',
  declarations_all: 'declarations',
  declaration_holds: 'declarations',
  declarations_held: 'declarations',
  question_sets: 'declarations',
  // figures
  daily_venue_counts: 'figures',
  daily_count_refreshes: 'figures',
  // sampling
  testing_sessions: 'sampling',
  testing_sites: 'sampling',
  testing_targets: 'sampling',
  testing_team_members: 'sampling',
  tubes: 'sampling',
  tube_members: 'sampling',
  tube_barcode_sequences: 'sampling',
  tube_label_batches: 'sampling',
  shipments: 'sampling',
  shipment_tubes: 'sampling',
  // certificates
  test_certificates: 'certificates',
  certificate_failures: 'certificates',
  // lab
  labs: 'lab',
  lab_results: 'lab',
  lab_result_corrections: 'lab',
  result_uploads: 'lab',
  lab_column_mappings: 'lab',
  person_results: 'lab',
  retest_tasks: 'lab',
  // cases
  cases: 'cases',
  case_confirmations: 'cases',
  case_treatment_places: 'cases',
  case_history: 'cases',
  case_question_sets: 'cases',
  case_investigations: 'cases',
  case_isolation_reports: 'cases',
  case_releases: 'cases',
  // vaccination
  vaccine_catalogues: 'vaccination',
  vaccination_sites: 'vaccination',
  vaccine_lots: 'vaccination',
  vaccination_campaigns: 'vaccination',
  vaccination_slots: 'vaccination',
  vaccination_bookings: 'vaccination',
  vaccination_screenings: 'vaccination',
  vaccination_doses: 'vaccination',
  vaccination_adverse_events: 'vaccination',
  vaccination_certificates: 'vaccination',
  vaccination_next_due: 'vaccination',
  vaccination_coverage_people: 'vaccination',
  vaccination_coverage: 'vaccination',
  vaccination_population: 'vaccination',
  vaccination_priority_members: 'vaccination',
  vaccination_invitations: 'vaccination',
  vaccination_invitation_lists: 'vaccination',
  vaccination_booking_reminders: 'vaccination',
  vaccination_imports: 'vaccination',
  vaccination_import_rows: 'vaccination',
  vaccination_corrections: 'vaccination',
  vaccination_correction_evidence: 'vaccination',
  vaccination_correction_history: 'vaccination',
  // tracing
  contacts: 'tracing',
  named_contacts: 'tracing',
  proximity_secrets: 'tracing',
  proximity_identifiers: 'tracing',
  proximity_upload_codes: 'tracing',
  proximity_uploads: 'tracing',
  proximity_encounters: 'tracing',
  clusters: 'tracing',
  cluster_cases: 'tracing',
  traced_cases: 'tracing',
  traced_case_venues: 'tracing',
};

/**
 * Named read views (migrations 0069, 0071, 0073, 0074, 0078), each owned by the module of its table and documented there:
 * what another module's SQL may join where a list must filter or page by a person, an account, a
 * unit or a point.
 */
export const READ_VIEWS: ReadonlySet<string> = new Set([
  'person_brief',
  'account_brief',
  'unit_brief',
  'venue_brief',
  'lab_brief',
  'person_result_brief',
  'retest_brief',
  'checkin_brief',
  'declaration_brief',
  'revocation_brief',
  'venue_staff_brief',
  'tube_brief',
  'tube_member_brief',
  'pending_identity_brief',
  'person_contact_brief',
]);
