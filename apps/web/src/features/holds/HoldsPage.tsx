import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLatestRequest } from '../../api/useLatestRequest';
import { ErrorBanner } from '../../components/ErrorBanner';
import { AreaHoldCard } from './AreaHoldCard';
import { AREA_LIMIT, areaHolds, releaseHold } from './holds.api';
import type { HoldItem } from './types';

type State = 'active' | 'ended' | 'all';
type Kinds = HoldItem['kind'] | 'both';

const ACTIVE: Record<State, boolean | undefined> = { active: true, ended: false, all: undefined };
const KINDS: Record<Kinds, HoldItem['kind'][]> = {
  checkins: ['checkins'],
  declarations: ['declarations'],
  both: ['checkins', 'declarations'],
};

/**
 * "Investigation holds" of the officer's area (commune, district, province): every hold, whichever
 * person or point page it was placed from, with a release button for those in force.
 */
export default function HoldsPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>('active');
  const [kinds, setKinds] = useState<Kinds>('both');
  const [list, setList] = useState<{ items: HoldItem[]; capped: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [released, setReleased] = useState(false);
  const [busy, setBusy] = useState(false);

  const begin = useLatestRequest();
  const load = useCallback(async () => {
    const isLatest = begin();
    try {
      const res = await areaHolds(KINDS[kinds], ACTIVE[state]);
      if (isLatest()) setList(res);
    } catch (e) {
      if (isLatest()) setError(e);
    }
  }, [kinds, state, begin]);
  useEffect(() => {
    setList(null);
    setError(null);
    setReleased(false);
    void load();
  }, [load]);

  const release = async (item: HoldItem) => {
    setBusy(true);
    setError(null);
    setReleased(false);
    try {
      await releaseHold(item);
      setReleased(true);
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h1>{t('nav.holds')}</h1>
      <p className="hint">{t('holds.page.intro')}</p>
      <div className="form-grid">
        <label className="field">
          {t('holds.page.state')}
          <select value={state} onChange={(e) => setState(e.target.value as State)}>
            <option value="active">{t('holds.page.stateActive')}</option>
            <option value="ended">{t('holds.page.stateEnded')}</option>
            <option value="all">{t('holds.page.stateAll')}</option>
          </select>
        </label>
        <label className="field">
          {t('holds.page.kind')}
          <select value={kinds} onChange={(e) => setKinds(e.target.value as Kinds)}>
            <option value="both">{t('holds.page.kindBoth')}</option>
            <option value="checkins">{t('holds.kindCheckins')}</option>
            <option value="declarations">{t('holds.kindDeclarations')}</option>
          </select>
        </label>
      </div>
      {released && (
        <p className="alert alert-ok" role="status">
          {t('holds.released')}
        </p>
      )}
      <ErrorBanner error={error} />
      {!list ? (
        !error && <p role="status">{t('app.loading')}</p>
      ) : list.items.length === 0 ? (
        <p>{t('holds.page.empty')}</p>
      ) : (
        <ul className="cards" aria-label={t('nav.holds')}>
          {list.items.map((h) => (
            <AreaHoldCard key={`${h.kind}-${h.id}`} h={h} busy={busy} onRelease={(x) => void release(x)} />
          ))}
        </ul>
      )}
      {list?.capped && <p className="hint">{t('holds.page.capped', { count: AREA_LIMIT })}</p>}
    </section>
  );
}
