import { seriesState } from '@phongdich/domain';
import type { StatusSource } from '../status';
import { cataloguesOf } from './vaccination.catalogue';
import { selectCatalogue } from '@phongdich/domain';

/**
 * Vaccination facts for the QR colour: `vaccinated_partial` from the first dose, `vaccinated_full` from
 * the dose that completes the primary series (the series length is the catalogue's data). The rule
 * set (packages/domain/src/status) decides what colour each fact gives and for how long.
 */
export const vaccinationStatusSource: StatusSource = {
  name: 'vaccination',
  async facts(q, personId, now) {
    const doses = await q.query<{ mp: string; at: Date }>(
      `select product_mp as mp, administered_at as at from vaccination_doses
       where person_id = $1 and disease = 'covid-19' and status = 'active' and administered_at <= $2
       order by administered_at`,
      [personId, now],
    );
    if (!doses.length) return [];
    const catalogue = selectCatalogue(await cataloguesOf(q, 'covid-19'), 'covid-19', now);
    if (!catalogue) return [];
    const history = doses.map((d) => ({ mp: d.mp, at: d.at.toISOString() }));
    const state = seriesState(catalogue, history);
    const facts = [
      { source: 'vaccination', kind: 'vaccinated_partial', at: history[0]!.at, data: { doses: state.doses } },
    ];
    if (state.primaryComplete)
      facts.push({
        source: 'vaccination',
        kind: 'vaccinated_full',
        at: state.primaryCompletedAt!,
        data: { doses: state.doses },
      });
    return facts;
  },
};
