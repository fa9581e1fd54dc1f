import type { StatusSource } from '../status';

/**
 * Case facts for the QR colour: `f0_active` from confirmation while a case is open (the rule set makes
 * it red), and `f0_recovered` when a case closed with the person recovered, which supersedes it.
 */
export const casesStatusSource: StatusSource = {
  name: 'cases',
  async facts(q, personId, now) {
    const rows = await q.query<{ confirmed_at: Date; closed_at: Date | null; outcome: string | null }>(
      `select confirmed_at, closed_at, outcome from cases
       where person_id = $1 and confirmed_at <= $2 order by confirmed_at`,
      [personId, now],
    );
    return rows.flatMap((r) => {
      // A case closed otherwise (the person died) says nothing about the colour any more.
      if (r.closed_at && r.closed_at <= now && r.outcome !== 'recovered') return [];
      const facts = [{ source: 'case', kind: 'f0_active', at: r.confirmed_at.toISOString(), data: {} }];
      if (r.closed_at && r.closed_at <= now && r.outcome === 'recovered')
        facts.push({ source: 'case', kind: 'f0_recovered', at: r.closed_at.toISOString(), data: {} });
      return facts;
    });
  },
};
