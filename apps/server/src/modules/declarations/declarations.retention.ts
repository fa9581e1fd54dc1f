import type { Db, Queryable } from '../../core/db/db';
import { monthlyPartitions } from '../../core/db/partitions';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A declaration is relevant for 14 days; it is kept for the retention period after that. */
const RELEVANT_DAYS = 14;
export const DEFAULT_RETENTION_DAYS = 30;

export function declarationRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PHONGDICH_DECLARATION_RETENTION_DAYS;
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error('PHONGDICH_DECLARATION_RETENTION_DAYS must be a whole number of days');
  return n;
}

/** Rows created before this instant have expired. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - (RELEVANT_DAYS + retentionDays) * DAY_MS);
}

/** An investigation keeps a person's declarations beyond retention until `until`. Returns the hold's id. */
export async function holdDeclarations(
  q: Queryable,
  hold: { personId: string; until: Date; reason: string; accountId: string | null },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `insert into declaration_holds (person_id, held_until, reason, created_by_account_id)
     values ($1, $2, $3, $4) returning id`,
    [hold.personId, hold.until, hold.reason, hold.accountId],
  );
  return rows[0]!.id;
}

const HELD = `exists (select 1 from declaration_holds h where h.person_id = d.person_id and h.held_until > $1)`;

/**
 * Drops every monthly partition wholly older than the cutoff (cheap: no row-by-row delete), after
 * copying out the rows an investigation holds; then deletes held copies whose hold has lapsed.
 * Returns the names of the partitions dropped.
 */
export async function runDeclarationRetention(db: Db, now: Date, retentionDays: number): Promise<string[]> {
  const cutoff = retentionCutoff(now, retentionDays);
  const dropped: string[] = [];
  for (const p of await monthlyPartitions(db, 'declarations')) {
    if (p.to.getTime() > cutoff.getTime()) continue;
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into declarations_held select d.* from ${p.name} d where ${HELD} on conflict (id) do nothing`,
        [now],
      );
      await tx.exec(`drop table ${p.name}`);
    });
    dropped.push(p.name);
  }
  await db.query(`delete from declarations_held d where d.created_at < $2 and not ${HELD}`, [now, cutoff]);
  return dropped;
}
