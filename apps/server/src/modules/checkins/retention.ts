import type { Db } from '../../core/db/db';
import { ensurePartitions, listPartitions, unitStart } from '../../core/db/partitions';

/**
 * Every column of a check-in, named: checkins_held has them all plus held_until, but columns added to
 * checkins later (unit structure, the move's history) come after held_until there, so `c.*` would not line up.
 */
const HELD_COLUMNS = `id, person_id, venue_id, method, device_time, server_time, checkout_time, commune_code,
  district_code, province_code, recorded_by_account_id, source, unit_structure, moved_from_unit`;

const DAY_MS = 86_400_000;
/** Daily partitions exist from yesterday to a week ahead (a late clock or a missed daily run). */
const DAYS_AHEAD = 8;

/** A hold in force at $1 covers check-in `c`: same person or same point, inside its time range. */
const COVERS = `h.held_until > $1
  and (h.person_id = c.person_id or h.venue_id = c.venue_id)
  and c.server_time >= h.from_time and c.server_time < h.to_time`;

export interface RetentionReport {
  ensured: string[];
  dropped: string[];
  heldCopied: number;
  heldReleased: number;
}

/**
 * Creates the coming partitions, then drops every partition that ended before `now − retentionDays`
 * (whole partitions: no row-by-row delete), after copying the rows an investigation holds into
 * checkins_held. Held rows no hold covers any more (expired or released) are deleted.
 */
export async function runCheckinRetention(
  db: Db,
  retentionDays: number,
  now = new Date(),
): Promise<RetentionReport> {
  const ensured = await ensurePartitions(
    db,
    'checkins',
    'day',
    new Date(now.getTime() - DAY_MS),
    DAYS_AHEAD + 1,
  );
  const cutoff = unitStart('day', new Date(now.getTime() - retentionDays * DAY_MS));
  const report: RetentionReport = { ensured, dropped: [], heldCopied: 0, heldReleased: 0 };
  for (const part of await listPartitions(db, 'checkins')) {
    if (part.to > cutoff) continue;
    await db.transaction(async (tx) => {
      const copied = await tx.query(
        `insert into checkins_held (${HELD_COLUMNS}, held_until)
         select ${HELD_COLUMNS.replace(/(\w+)/g, 'c.$1')}, h.held_until from ${part.name} c
           cross join lateral (
             select max(held_until) as held_until from checkin_holds h where ${COVERS}
           ) h
          where h.held_until is not null
         on conflict (id) do nothing
         returning id`,
        [now],
      );
      report.heldCopied += copied.length;
      await tx.query('delete from checkin_ids where server_time >= $1 and server_time < $2', [
        part.from,
        part.to,
      ]);
      await tx.exec(`drop table ${part.name}`);
    });
    report.dropped.push(part.name);
  }
  // Checked against the holds as they are now, not the copied held_until: a hold released early
  // (held_until moved to its release time) stops protecting at the next run.
  const released = await db.query(
    `delete from checkins_held c
      where not exists (select 1 from checkin_holds h where ${COVERS}) returning id`,
    [now],
  );
  report.heldReleased = released.length;
  return report;
}
