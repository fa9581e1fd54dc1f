import type { Db } from '../../core/db/db';
import { systemActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit';
import { accountPhones, personBriefs, sendMessage } from './vaccination.deps';
import { vnDate } from './vaccination.reach';
import { reminderSms } from './vaccination.sms';

/** What the reminder job is recorded as in the audit log (it reads a phone to queue a message). */
export const REMINDER_MACHINE = systemActor('vaccination reminders', 'system:vaccination-reminders');

/**
 * Queues the reminder of every live booking whose slot is tomorrow (Viet Nam) and has none yet, a
 * batch per transaction: the reminder row and its message commit together, and the row's primary key
 * makes a second run, a second server or a crash between batches send each booking's reminder once.
 * Runs as the app.jobs job `vaccination-reminders` under LOCKS.vaccinationReminders.
 */
export async function sendBookingReminders(db: Db, now = new Date(), batch = 200): Promise<number> {
  const tomorrow = vnDate(new Date(now.getTime() + 86_400_000));
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = await tx.query<{
        booking_id: string;
        person_id: string;
        starts_at: Date;
        site_name: string;
        booked_by: string;
      }>(
        `select b.id::text as booking_id, b.person_id::text, sl.starts_at, s.name as site_name,
           b.booked_by_account_id as booked_by
         from vaccination_bookings b join vaccination_slots sl on sl.id = b.slot_id
           join vaccination_sites s on s.id = sl.site_id
         where b.status = 'booked' and (sl.starts_at at time zone 'Asia/Ho_Chi_Minh')::date = $1::date
           and sl.starts_at > $3
           and not exists (select 1 from vaccination_booking_reminders r where r.booking_id = b.id)
         order by b.id limit $2`,
        [tomorrow, batch, now],
      );
      if (!due.length) return 0;
      // The phone that booked (it got the confirmation), else the person's own: accounts' and people's
      // public reads, one each for the batch.
      const bookers = await accountPhones(
        tx,
        due.map((d) => d.booked_by),
      );
      const people = await personBriefs(
        tx,
        due.filter((d) => !bookers.has(d.booked_by)).map((d) => d.person_id),
      );
      const who = due.map((d) => ({
        ...d,
        phone: bookers.get(d.booked_by) ?? people.get(d.person_id)?.phones[0] ?? null,
      }));
      // The reminder row is the claim: a second run or server that read the same bookings inserts
      // nothing for them (the primary key) and sends nothing.
      const inserted = await tx.query<{ booking_id: string }>(
        `insert into vaccination_booking_reminders (booking_id, channel)
         select * from unnest($1::uuid[], $2::text[])
         on conflict do nothing returning booking_id::text`,
        [who.map((r) => r.booking_id), who.map((r) => (r.phone === null ? 'none' : 'sms'))],
      );
      const won = new Set(inserted.map((r) => r.booking_id));
      const claimed = who.filter((r) => won.has(r.booking_id));
      for (const r of claimed) {
        if (r.phone)
          await sendMessage(tx, {
            channel: 'sms',
            to: r.phone,
            subject: 'vaccination.reminder',
            body: reminderSms({
              startsAt: r.starts_at,
              siteName: r.site_name,
              code: r.booking_id.slice(0, 6).toUpperCase(),
            }),
          });
        await recordAudit(
          tx,
          { actor: REMINDER_MACHINE },
          {
            action: 'vaccination.reminder.send',
            personId: r.person_id,
            details: { bookingId: r.booking_id },
          },
        );
      }
      return claimed.length;
    });
    total += done;
    if (done < batch) return total;
  }
}
