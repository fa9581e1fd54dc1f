import type { Queryable } from '../../core/db/db';

/**
 * Reads of test certificates for other modules (results shows a citizen's and an officer's list):
 * they name neither test_certificates nor keys' revocations in their SQL (issue #9).
 */

/** Those of these certificates whose UVCI is revoked now (keys' read view revocation_brief, 0071). */
export async function revokedCertificates(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await q.query<{ id: string }>(
    `select c.id::text as id from test_certificates c
       join revocation_brief v on v.type = 'DCC' and v.id = c.uvci
     where c.id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Set(rows.map((r) => r.id));
}

/** A certificate's signed payload and validity, to show or print it. */
export async function certificateDocument(
  q: Queryable,
  id: string,
): Promise<{ hc1: string; uvci: string; expires_at: Date } | undefined> {
  const rows = await q.query<{ hc1: string; uvci: string; expires_at: Date }>(
    'select hc1, uvci, expires_at from test_certificates where id = $1',
    [id],
  );
  return rows[0];
}
