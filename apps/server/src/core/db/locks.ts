/** Advisory lock keys, one per purpose, so two unrelated jobs never wait on each other. */
export const LOCKS = {
  migrate: 727274,
  auditSeal: 727275,
  adminUnitsLoad: 727276,
} as const;
