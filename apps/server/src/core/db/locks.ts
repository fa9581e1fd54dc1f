/** Advisory lock keys, one per purpose, so two unrelated jobs never wait on each other. */
export const LOCKS = {
  migrate: 727274,
  auditSeal: 727275,
  adminUnitsLoad: 727276,
  /** Signing-key rotation (one per purpose: the purpose is the lock's second key). */
  signingKeys: 727277,
  /** Scheduled jobs that must not run on two servers at once (core/jobs/scheduler.ts). */
  retention: 727278,
  checkinHousekeeping: 727279,
  declarationHousekeeping: 727280,
  /** VACUUM of the closed check-in days (modules/checkins/checkins.vacuum.ts). */
  checkinVacuum: 727330,
  /** Vaccination imports: one server works through the queued files at a time. */
  vaccinationImports: 727312,
  /** Vaccination reminders the day before a booked slot: one server queues them at a time. */
  vaccinationReminders: 727313,
  /** The DCC signer's renewal before its document-signer certificate ends (modules/keys). */
  dccSignerRenewal: 727320,
} as const;
