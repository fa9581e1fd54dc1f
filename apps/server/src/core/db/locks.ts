/** Advisory lock keys, one per purpose, so two unrelated jobs never wait on each other. */
export const LOCKS = {
  migrate: 727274,
  auditSeal: 727275,
  adminUnitsLoad: 727276,
  /** Signing-key rotation (one per purpose: the purpose is the lock's second key). */
  signingKeys: 727277,
} as const;
