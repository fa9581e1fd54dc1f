import type { Db } from '../../core/db/db';
import { systemActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit';
import { sendMessage } from './vaccination.deps';
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
      const claimed = await tx.query<{
        booking_id: string;
        person_id: string;
        starts_at: Date;
        site_name: string;
        phone: string | null;
      }>(
        `with due as (
           select b.id from vaccination_bookings b join vaccination_slots sl on sl.id = b.slot_id
           where b.status = 'booked' and (sl.starts_at at time zone 'Asia/Ho_Chi_Minh')::date = $1::date
             and sl.starts_at > $3
             and not exists (select 1 from vaccination_booking_reminders r where r.booking_id = b.id)
           order by b.id limit $2
         ), who as (
           -- The phone that booked (it got the confirmation), else the person's own.
           select b.id, b.person_id, sl.starts_at, s.name as site_name,
             coalesce((select a.phone from accounts a where a.id::text = b.booked_by_account_id),
                      (select p.phones[1] from persons p where p.id = b.person_id)) as phone
           from due join vaccination_bookings b on b.id = due.id join vaccination_slots sl on sl.id = b.slot_id
             join vaccination_sites s on s.id = sl.site_id
         ), claimed as (
           insert into vaccination_booking_reminders (booking_id, channel)
           select id, case when phone is null then 'none' else 'sms' end from who
           on conflict do nothing returning booking_id
         )
         select who.id::text as booking_id, who.person_id::text, who.starts_at, who.site_name, who.phone
         from who join claimed on claimed.booking_id = who.id`,
        [tomorrow, batch, now],
      );
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
