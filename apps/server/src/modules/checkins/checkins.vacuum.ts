import type { Db } from '../../core/db/db';
import { listPartitions, unitStart } from '../../core/db/partitions';

const DAY_MS = 86_400_000;
/** Days after its end a partition still takes late rows (offline phones syncing, late check-outs). */
const SETTLING_DAYS = 2;

/**
 * Vacuums (and analyses) the check-in days that have ended: tracing reads check-ins index-only
 * (migration 0066), which skips the heap only on pages the visibility map marks all-visible, and only
 * VACUUM marks them. PostgreSQL's autovacuum does it on a server; PGlite has no autovacuum (nor
 * autoanalyze, so its partitions would keep no statistics either). Vacuumed: every closed day never
 * vacuumed yet (pg_class.relallvisible still 0; an empty one stays so, and costs nothing) and the days that ended within
 * SETTLING_DAYS (their late rows). Each partition is one statement outside a transaction (VACUUM
 * cannot run in one); one already vacuumed costs little (all-visible pages are skipped).
 */
export async function vacuumClosedCheckinDays(db: Db, now = new Date()): Promise<string[]> {
  const today = unitStart('day', now);
  const settling = new Date(today.getTime() - SETTLING_DAYS * DAY_MS);
  const closed = (await listPartitions(db, 'checkins')).filter((p) => p.to <= today);
  if (!closed.length) return [];
  const never = new Set(
    (
      await db.query<{ name: string }>(
        `select relname as name from pg_class where relname = any($1::text[]) and relallvisible = 0`,
        [closed.map((p) => p.name)],
      )
    ).map((r) => r.name),
  );
  const due = closed.filter((p) => never.has(p.name) || p.to > settling).map((p) => p.name);
  // Names come from listPartitions (checkins_pYYYY_MM_DD), never from input.
  for (const name of due) await db.exec(`vacuum (analyze) ${name}`);
  return due;
}
