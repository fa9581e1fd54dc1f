import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterList, ClusterSummary } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';

/** A proposed cluster is confirmed with a name the officers will use; a confirmed one is closed. */
function ClusterCard({ c, onChange }: { c: ClusterSummary; onChange: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(c.name ?? '');
  const [error, setError] = useState<unknown>(null);
  async function confirm(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/tracing/clusters/${c.id}/confirm`, { name: name.trim() });
      onChange();
    } catch (err) {
      setError(err);
    }
  }
  async function close() {
    setError(null);
    try {
      await api.post(`/api/tracing/clusters/${c.id}/close`);
      onChange();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <li className="card" data-testid="cluster">
      <strong>{c.name ?? t('tracing.clusters.unnamed')}</strong> · {t(`tracing.clusters.kinds.${c.kind}`)} ·{' '}
      {t(`tracing.clusters.statuses.${c.status}`)}
      <div>{t('tracing.clusters.cases', { n: c.cases })}</div>
      <div>{t('tracing.clusters.proposedAt', { at: formatDateTime(c.proposedAt) })}</div>
      <ErrorBanner error={error} />
      {c.status === 'proposed' && (
        <form onSubmit={confirm}>
          <Field
            label={t('tracing.clusters.name')}
            name="name"
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
            error={error}
          />
          <button type="submit" className="btn btn-primary">
            {t('tracing.clusters.confirm')}
          </button>
        </form>
      )}
      {c.status === 'confirmed' && (
        <button type="button" className="btn" onClick={close}>
          {t('tracing.clusters.close')}
        </button>
      )}
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
