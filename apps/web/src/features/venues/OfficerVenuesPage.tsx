import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { currentLang } from '../../i18n';
import type { Venue } from './types';
import { PendingIdentitiesSection } from './PendingIdentitiesSection';
import { VenueList } from './VenueList';
import { useVenueKinds } from './venues.api';

const PAGE = 50;

/** Officers: the points of their area, newest and unreviewed first, with filters. */
export default function OfficerVenuesPage() {
  const { t } = useTranslation();
  const kinds = useVenueKinds();
  const [filter, setFilter] = useState({ status: '', kind: '', q: '', unreviewed: false });
  const [data, setData] = useState<{ items: Venue[]; total: number } | null>(null);
  const [offset, setOffset] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      api
        .get<{ items: Venue[]; total: number }>('/api/venues', {
          status: filter.status,
          kind: filter.kind,
          q: filter.q.trim(),
          unreviewed: filter.unreviewed || undefined,
          limit: PAGE,
          offset,
        })
        .then((r) => {
          setError(null);
          setData(r);
        })
        .catch(setError);
    }, 250);
    return () => clearTimeout(timer);
  }, [filter, offset]);
  const set = (patch: Partial<typeof filter>) => {
    setOffset(0);
    setFilter({ ...filter, ...patch });
  };

  return (
    <section>
      <h1>{t('venues.listTitle')}</h1>
      <PendingIdentitiesSection />
      <form className="card" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="form-grid">
          <Field
            label={t('venues.filterQ')}
            name="q"
            type="search"
            value={filter.q}
            onChange={(e) => set({ q: e.target.value })}
          />
          <div className="field">
            <label htmlFor="venue-status">{t('venues.filterStatus')}</label>
            <select id="venue-status" value={filter.status} onChange={(e) => set({ status: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {(['pending', 'active', 'suspended'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`venues.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="venue-kind-filter">{t('venues.filterKind')}</label>
            <select
              id="venue-kind-filter"
              value={filter.kind}
              onChange={(e) => set({ kind: e.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {kinds.map((k) => (
                <option key={k.code} value={k.code}>
                  {k[currentLang()]}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={filter.unreviewed}
              onChange={(e) => set({ unreviewed: e.target.checked })}
            />{' '}
            {t('venues.onlyUnreviewed')}
          </label>
        </div>
      </form>
      <ErrorBanner error={error} />
      {data && (
        <>
          <p role="status">{t('venues.total', { count: data.total })}</p>
          <VenueList items={data.items} />
          <div className="btn-row">
            {offset > 0 && (
              <button type="button" className="btn" onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('common.back')}
              </button>
            )}
            {offset + PAGE < data.total && (
              <button type="button" className="btn" onClick={() => setOffset(offset + PAGE)}>
                {t('common.loadMore')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
