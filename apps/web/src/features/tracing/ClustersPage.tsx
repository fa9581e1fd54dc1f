import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ClusterList, ClusterSummary } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import { ClusterActions } from './ClusterActions';

/** A cluster as listed: what it is, how many cases, its page, and what the officer may do with it. */
function ClusterCard({ c, onChange }: { c: ClusterSummary; onChange: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="cluster">
      <strong>{c.name ?? t('tracing.clusters.unnamed')}</strong> · {t(`tracing.clusters.kinds.${c.kind}`)} ·{' '}
      {t(`tracing.clusters.statuses.${c.status}`)}
      <div>{t('tracing.clusters.cases', { n: c.cases })}</div>
      <div>{t('tracing.clusters.proposedAt', { at: formatDateTime(c.proposedAt) })}</div>
      <Link to={`/tracing/clusters/${c.id}`}>{t('tracing.clusters.open')}</Link>
      <ClusterActions c={c} onChange={onChange} />
    </li>
  );
}

/** Clusters (ổ dịch) of the officer's area: proposed by the rules, confirmed and named, closed. */
export default function ClustersPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'' | ClusterSummary['status']>('');
  const [items, setItems] = useState<ClusterSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    api
      .get<ClusterList>('/api/tracing/clusters', { status: status || undefined })
      .then((r) => setItems(r.items))
      .catch(setError);
  useEffect(() => {
    void load();
  }, [status]);
  return (
    <section className="narrow">
      <h1>{t('tracing.clusters.title')}</h1>
      <p>{t('tracing.clusters.intro')}</p>
      <ErrorBanner error={error} />
      <div className="field">
        <label htmlFor="cluster-status">{t('tracing.filter')}</label>
        <select
          id="cluster-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as ClusterSummary['status'])}
        >
          <option value="">{t('tracing.all')}</option>
          {(['proposed', 'confirmed', 'closed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`tracing.clusters.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {items && items.length === 0 && <p>{t('tracing.clusters.none')}</p>}
      <ul className="cards" aria-label={t('tracing.clusters.title')}>
        {(items ?? []).map((c) => (
          <ClusterCard key={`${c.id}-${c.version}`} c={c} onChange={() => void load()} />
        ))}
      </ul>
    </section>
  );
}
