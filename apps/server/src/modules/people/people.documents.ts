import type { Queryable } from '../../core/db/db';

/** A document a scanned card carries; `bhyt_sin`: the lifelong social insurance part of a BHYT number. */
export type PersonDocumentKind = 'cccd' | 'cmnd' | 'bhyt' | 'bhyt_sin';

const WHERE: Record<PersonDocumentKind, string> = {
  cccd: 'cccd = $1',
  cmnd: 'cmnd = $1',
  bhyt: 'bhyt = $1',
  // persons_bhyt_sin_idx (0005): a newer card of the same person keeps this part.
  bhyt_sin: 'bhyt is not null and substr(bhyt, 6) = $1',
};

/**
 * The oldest live record carrying this document (the scanner's match of a CCCD chip or a BHYT card):
 * one indexed read. For scan (issue #9: it named persons in its SQL).
 */
export async function livePersonIdByDocument(
  q: Queryable,
  kind: PersonDocumentKind,
  value: string,
): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `select id from persons where ${WHERE[kind]} and merged_into is null order by created_at, id limit 1`,
    [value],
  );
  return rows[0]?.id;
}
