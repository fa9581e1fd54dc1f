import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ClusterDetail } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';
import { ClusterActions } from './ClusterActions';

/**
 * One cluster over time (issue #13 §3): its cases by infectious window (a case a result correction
 * annulled stays on a closed cluster's record, marked), the contacts found per exposure day, and the
 * points where its cases were; the officer confirms and names it, traces F2 for all of it, closes it.
 */
export default function ClusterPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [c, setC] = useState<ClusterDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => api.get<ClusterDetail>(`/api/tracing/clusters/${id}`).then(setC).catch(setError);
  useEffect(() => {
    void load();
  }, [id]);
  if (!c) return <ErrorBanner error={error} />;
  return (
    <section className="narrow">
      <p>
        <Link to="/tracing/clusters">{t('tracing.clusters.back')}</Link>
      </p>
      <h1>{c.name ?? t('tracing.clusters.unnamed')}</h1>
      <p data-testid="cluster-state">
        {t(`tracing.clusters.kinds.${c.kind}`)} · {t(`tracing.clusters.statuses.${c.status}`)} ·{' '}
        {t('tracing.clusters.proposedAt', { at: formatDateTime(c.proposedAt) })}
        {c.closedAt && ` · ${t('tracing.clusters.closedAt', { at: formatDateTime(c.closedAt) })}`}
      </p>
      <ErrorBanner error={error} />
      <ClusterActions key={c.version} c={c} onChange={() => void load()} expand />

      <h2>{t('tracing.clusters.cases', { n: c.cases.length })}</h2>
      <ul className="cards" aria-label={t('tracing.clusters.caseList')}>
        {c.cases.map((k) => (
          <li key={k.caseId} className="card" data-testid="cluster-case">
            <strong>{k.personName ?? '?'}</strong>
            {k.masked && <span className="badge"> {t('tracing.clusters.masked')}</span>}
            {k.annulledAt && (
              <span className="badge badge-warn" data-testid="case-annulled">
                {' '}
                {t('tracing.clusters.annulled', { date: formatDate(k.annulledAt) })}
              </span>
            )}
            <div>
              {t('tracing.clusters.window', {
                from: formatDate(k.windowStart),
                to: formatDate(k.windowEnd),
              })}
            </div>
            {!k.masked && <Link to={`/tracing/cases/${k.caseId}`}>{t('tracing.openCase')}</Link>}
          </li>
        ))}
      </ul>

      <h2>{t('tracing.clusters.venues')}</h2>
      {c.venues.length === 0 && <p>{t('tracing.clusters.noVenues')}</p>}
      <ul className="cards" aria-label={t('tracing.clusters.venues')}>
        {c.venues.map((v) => (
          <li key={v.venueId} className="card" data-testid="cluster-venue">
            <strong>{v.name ?? '?'}</strong>
            <div>{t('tracing.clusters.cases', { n: v.cases })}</div>
            <div>
              {formatDateTime(v.firstAt)} – {formatDateTime(v.lastAt)}
            </div>
          </li>
        ))}
      </ul>

      <h2>{t('tracing.clusters.contacts')}</h2>
      {c.contactsByDay.length === 0 ? (
        <p>{t('tracing.clusters.noContacts')}</p>
      ) : (
        <table className="table" data-testid="cluster-contacts">
          <thead>
            <tr>
              <th scope="col">{t('tracing.clusters.day')}</th>
              <th scope="col">{t('tracing.clusters.generation')}</th>
              <th scope="col">{t('tracing.clusters.status')}</th>
              <th scope="col">{t('tracing.clusters.count')}</th>
            </tr>
          </thead>
          <tbody>
            {c.contactsByDay.map((d) => (
              <tr key={`${d.day}-${d.generation}-${d.status}`}>
                <td>{formatDate(d.day)}</td>
                <td>F{d.generation}</td>
                <td>{t(`tracing.statuses.${d.status}`, { defaultValue: d.status })}</td>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
