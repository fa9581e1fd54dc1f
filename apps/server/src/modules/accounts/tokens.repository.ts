import type { Queryable } from '../../core/db/db';
import { forgetAccountActors } from '../../core/auth/sessions';

export async function insertApiToken(
  q: Queryable,
  t: { accountId: string; name: string; tokenHash: string },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    'insert into api_tokens (account_id, name, token_hash) values ($1, $2, $3) returning id',
    [t.accountId, t.name, t.tokenHash],
  );
  return rows[0]!.id;
}

export async function revokeApiToken(q: Queryable, accountId: string, tokenId: string): Promise<boolean> {
  const rows = await q.query(
    `update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 and account_id = $2 returning id`,
    [tokenId, accountId],
  );
  forgetAccountActors(accountId);
  return rows.length === 1;
}
