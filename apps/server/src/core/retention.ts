import type { Db } from './db/db';
import { LOCKS } from './db/locks';
import type { Scheduler } from './jobs/scheduler';

/**
 * Retention of the foundation's short-lived personal data. Every table has a rule; those not deleted
 * here say where their rule lives:
 * - check-ins (checkin_ids, checkins_held) and declarations (declarations_held): their modules drop
 *   whole partitions after their retention and keep only what a hold covers (modules/checkins,
 *   modules/declarations retention);
 * - the audit log is the legal record and is kept (sealed, never deleted);
 * - persons, person history, family links, results, certificates, lab results and corrections,
 *   samples, tubes, shipments, sessions of testing, venues and staff: health and registry records kept
 *   by law while the person or point exists (merges and removals go through their modules);
 * - cases and their confirmations, treatment places and history (modules/cases): health records kept by
 *   law (Luật Khám bệnh, chữa bệnh: medical records), never deleted here;
 * - tracing (modules/tracing): proximity encounter logs, uploads, issued identifiers and upload codes
 *   are deleted after the tracing rules' proximity.retentionDays (21 in vn-tracing-2021.1) by the
 *   `proximity-retention` job (runProximityRetention); contacts, clusters and traced cases are part of
 *   the epidemiological investigation record of a case (kept with the case, by law); proximity
 *   secrets are kept while the person exists (deleting one only re-keys their future identifiers);
 *   named_contacts lines the case named that matched nobody (pending, ambiguous: a name and a phone
 *   outside the registry) go with the encounter logs, after proximity.retentionDays (the follow-up
 *   they were leads for is over); matched lines only point at registry people and stay with the case;
 * - keys, revocations, reference data, units, question sets, review policies: configuration, kept;
 *   so are the DCC CSCA and the trust list of other issuers' signers (dcc_cscas, dcc_trusted_signers:
 *   public certificates; a removed signer's row stays as the record of who trusted it and when);
 * - vaccination corrections and their history: health records, kept like doses; their evidence files
 *   (photos/PDFs of paper cards) are personal data only needed to decide: see the vaccination module's
 *   corrections (their bytes are dropped 180 days after the decision: vaccination.corrections.retention.ts);
 * - certificate_failures: deleted by the certificates module when the certificate is issued;
 * - vaccination_imports / vaccination_import_rows: the uploaded file and the rows' details (they name
 *   people) are cleared 30 days after the import finished (vaccination.import.service.ts
 *   purgeOldImports); the counts stay, the doses are health records; import_column_maps hold header
 *   texts only, kept while the account exists;
 * - vaccination_next_due, vaccination_coverage_people: derived from a person's doses (kept like the
 *   doses, rewritten by every dose and by `npm run vaccination:figures`); vaccination_coverage and
 *   vaccination_population: counts without personal data, kept;
 * - vaccination_priority_members: the programme's record of who is in which group, kept while the
 *   person exists (an officer clears it); vaccination_invitations and vaccination_booking_reminders:
 *   the record that someone was invited or reminded (ids and a channel, no phone or text: the
 *   message itself is in outbox_messages and goes with it), kept with the campaign's records;
 *   vaccination_invitation_lists: an invitation list's refused rows (cells as uploaded) for its error
 *   sheet, deleted 7 days after the upload (vaccination.invitations.lists.ts purgeInvitationLists);
 * - below: sessions, one-time codes, sent messages, idempotency keys, password guesses, handled
 *   domain events, resolved or stale pending identities, revoked API tokens, daily count markers.
 */
export const RETENTION = {
  /** Expired sessions are useless and still identify a device. */
  sessionsAfterExpiryHours: 24,
  /** One-time codes (hashed phone, hashed code): only needed for rate limits, which look back 1 hour. */
  otpCodesDays: 1,
  /** Sent messages carry phone numbers; a month covers delivery disputes. */
  outboxMessagesDays: Number(process.env.PHONGDICH_OUTBOX_RETENTION_DAYS ?? 30),
  /** Idempotency keys only matter while a client may still retry. */
  idempotencyKeysHours: 48,
  /** Failed password guesses are forgotten after a day anyway (password-guesses.ts); the row goes too. */
  passwordGuessesHours: 24,
  /** Handled domain events carry person and record ids; kept a week for troubleshooting. */
  domainEventsDays: 7,
  /**
   * A venue's scan of an unknown card: once confirmed or merged the card data lives on the person;
   * an unresolved one is kept as long as the check-ins recorded against it (check-in retention).
   */
  pendingIdentitiesResolvedDays: 30,
  pendingIdentitiesUnresolvedDays: Number(process.env.PHONGDICH_CHECKIN_RETENTION_DAYS ?? 30),
  /** A revoked API token is kept a quarter for the audit trail's reference, then removed. */
  revokedApiTokensDays: 90,
  /** Markers of refreshed daily counts: only the recent days are ever refreshed again. */
  dailyCountRefreshesDays: 400,
} as const;

export async function applyRetention(db: Db, now = new Date()): Promise<Record<string, number>> {
  const at = (ms: number) => new Date(now.getTime() - ms);
  const H = 3_600_000;
  const del = async (sql: string, before: Date) =>
    (
      await db.query<{ n: number }>(`with d as (${sql} returning 1) select count(*)::int as n from d`, [
        before,
      ])
    )[0]?.n ?? 0;
  return {
    sessions: await del(
      'delete from sessions where expires_at < $1',
      at(RETENTION.sessionsAfterExpiryHours * H),
    ),
    otpCodes: await del('delete from otp_codes where created_at < $1', at(RETENTION.otpCodesDays * 24 * H)),
    outboxMessages: await del(
      `delete from outbox_messages where created_at < $1 and status <> 'pending'`,
      at(RETENTION.outboxMessagesDays * 24 * H),
    ),
    idempotencyKeys: await del(
      'delete from idempotency_keys where created_at < $1',
      at(RETENTION.idempotencyKeysHours * H),
    ),
    // A row still making someone wait is kept until the wait is over.
    passwordGuesses: await del(
      'delete from password_guesses where updated_at < $1 and next_allowed_at < $1',
      at(RETENTION.passwordGuessesHours * H),
    ),
    domainEvents: await del(
      'delete from domain_events where processed_at is not null and processed_at < $1',
      at(RETENTION.domainEventsDays * 24 * H),
    ),
    pendingIdentities:
      (await del(
        `delete from pending_identities where status <> 'pending' and resolved_at < $1`,
        at(RETENTION.pendingIdentitiesResolvedDays * 24 * H),
      )) +
      (await del(
        `delete from pending_identities where status = 'pending' and created_at < $1`,
        at(RETENTION.pendingIdentitiesUnresolvedDays * 24 * H),
      )),
    apiTokens: await del(
      'delete from api_tokens where revoked_at < $1',
      at(RETENTION.revokedApiTokensDays * 24 * H),
    ),
    dailyCountRefreshes: await del(
      'delete from daily_count_refreshes where refreshed_at < $1',
      at(RETENTION.dailyCountRefreshesDays * 24 * H),
    ),
  };
}

/** Runs the retention at start and hourly while the server runs (one server at a time). */
export function scheduleRetention(jobs: Scheduler, db: Db): void {
  jobs.add({
    name: 'retention',
    everyMs: 3_600_000,
    atStart: 'background',
    lock: LOCKS.retention,
    run: async () => {
      const deleted = await applyRetention(db);
      // Counts only: what was deleted is nobody's business in a log.
      jobs.log.info({ deleted }, 'retention applied');
    },
  });
}
