import type { StatusSource } from '../status';
import { DAY_MS, tracingRulesAt } from './tracing.rules';

/**
 * A confirmed contact's colour: `f1_active` (orange from vn-2021.2) for generation 1, `f2_active` (yellow)
 * beyond, from the confirmation until the follow-up days of the rules after the exposure day.
 * The colours themselves are the status rule set's data (packages/domain/src/status).
 */
export const tracingStatusSource: StatusSource = {
  name: 'tracing',
  async facts(q, personId, now) {
    const rows = await q.query<{ generation: number; exposure_date: string; status_at: Date }>(
      `select generation, exposure_date::text as exposure_date, status_at from contacts
        where person_id = $1 and status = 'confirmed' and status_at <= $2`,
      [personId, now],
    );
    return rows.map((r) => {
      const days = tracingRulesAt(r.status_at).followUpDays;
      const until = new Date(Date.parse(`${r.exposure_date}T00:00:00+07:00`) + (days + 1) * DAY_MS);
      return {
        source: 'contact',
        kind: r.generation === 1 ? 'f1_active' : 'f2_active',
        at: r.status_at.toISOString(),
        validUntil: until.toISOString(),
        data: { generation: r.generation },
      };
    });
  },
};
