import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CaseContacts, Contact } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { useLatestRequest } from '../../api/useLatestRequest';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../components/format';
import { EvidenceLine } from './evidence';

type Filter = Contact['status'] | '';

/** A case's contacts ranked by exposure, each with its evidence: confirm or dismiss, one by one or by place. */
export default function CaseContactsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('candidate');
  const [data, setData] = useState<CaseContacts | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const begin = useLatestRequest();
  const load = useCallback(async () => {
    const isLatest = begin();
    try {
      const r = await api.get<CaseContacts>(`/api/tracing/cases/${id}/contacts`, {
        status: filter || undefined,
      });
      if (isLatest()) setData(r);
    } catch (e) {
      if (isLatest()) setError(e);
    }
  }, [id, filter, begin]);
  useEffect(() => {
    void load();
  }, [load]);

  const venueName = useMemo(() => new Map((data?.venues ?? []).map((v) => [v.id, v.name])), [data]);
  /** Places with candidates of the officer's area, for the bulk actions. */
  const places = useMemo(() => {
    const ids = new Set<string>();
    for (const c of data?.items ?? [])
      if (c.status === 'candidate' && !c.masked)
        for (const e of c.evidence)
          if (e.kind === 'checkin' && typeof e.venueId === 'string') ids.add(e.venueId);
    return [...ids];
  }, [data]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      await fn();
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = (c: Contact) => act(() => api.post(`/api/tracing/contacts/${c.id}/confirm`));
  const dismiss = (c: Contact) =>
    act(() => api.post(`/api/tracing/contacts/${c.id}/dismiss`, { reason: reasons[c.id] ?? '' }));
  const expand = (c: Contact) =>
    act(async () => {
      const r = await api.post<{ candidates: number; generation: number }>(
        `/api/tracing/contacts/${c.id}/expand`,
      );
      setNotice(t('tracing.expanded', { count: r.candidates, n: r.generation }));
    });
  const bulk = (venueId: string, decision: 'confirm' | 'dismiss') =>
    act(async () => {
      const r = await api.post<{ done: number; outsideArea: number }>(
        `/api/tracing/cases/${id}/contacts/bulk`,
        {
          venueId,
          decision,
          ...(decision === 'dismiss' ? { reason: reasons[`venue:${venueId}`] ?? '' } : {}),
        },
      );
      setNotice(t('tracing.bulkDone', { done: r.done, outside: r.outsideArea }));
    });

  return (
    <section>
      <h1>{t('tracing.caseTitle')}</h1>
      <p>{t('tracing.caseIntro')}</p>
      {data && !data.caseInArea && <p className="badge">{t('tracing.outsideCase')}</p>}
      <p>
        <button
          type="button"
          disabled={busy}
          onClick={() => act(() => api.post(`/api/tracing/cases/${id}/discover`))}
        >
          {t('tracing.rediscover')}
        </button>{' '}
        <Link to={`/tracing/chain?caseId=${id}`}>{t('tracing.graph')}</Link>
      </p>
      <label>
        {t('tracing.filter')}{' '}
        <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="candidate">{t('tracing.statuses.candidate')}</option>
          <option value="confirmed">{t('tracing.statuses.confirmed')}</option>
          <option value="dismissed">{t('tracing.statuses.dismissed')}</option>
          <option value="">{t('tracing.all')}</option>
        </select>
      </label>
      <ErrorBanner error={error} />
      {notice && <p role="status">{notice}</p>}
      {places.length > 0 && (
        <details>
          <summary>{t('tracing.venueLists')}</summary>
          <ul className="cards">
            {places.map((v) => (
              <li key={v} className="card" data-testid="venue-list">
                <strong>{venueName.get(v) ?? v.slice(0, 8)}</strong>
                <div>
                  <button type="button" disabled={busy} onClick={() => bulk(v, 'confirm')}>
                    {t('tracing.bulkConfirm')}
                  </button>{' '}
                  <input
                    aria-label={t('tracing.reason')}
                    placeholder={t('tracing.reason')}
                    value={reasons[`venue:${v}`] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [`venue:${v}`]: e.target.value })}
                  />{' '}
                  <button type="button" disabled={busy} onClick={() => bulk(v, 'dismiss')}>
                    {t('tracing.bulkDismiss')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
      {data && data.items.length === 0 && <p>{t('tracing.empty')}</p>}
      <ul className="cards" aria-label={t('tracing.caseTitle')}>
        {(data?.items ?? []).map((c) => (
          <li key={c.id} className="card" data-testid="contact">
            <div>
              <strong>{c.fullName ?? '—'}</strong> {c.birthYear ?? ''} ·{' '}
              {t('tracing.generation', { n: c.generation })} ·{' '}
              <span className="badge">{t('tracing.score', { score: c.score })}</span>{' '}
              <span className="badge">{t(`tracing.statuses.${c.status}`)}</span>
              {c.masked && <span className="badge"> {t('tracing.masked')}</span>}
            </div>
            {c.exposureDate && <div>{t('tracing.exposure', { day: formatDate(c.exposureDate) })}</div>}
            <ul>
              {c.evidence.map((e, i) => (
                <li key={i}>
                  <EvidenceLine
                    e={e}
                    masked={c.masked}
                    venueName={typeof e.venueId === 'string' ? venueName.get(e.venueId) : undefined}
                  />
                </li>
              ))}
            </ul>
            {!c.masked && c.status === 'candidate' && (
              <div>
                <button type="button" disabled={busy} onClick={() => confirm(c)}>
                  {t('tracing.confirm', { n: c.generation })}
                </button>{' '}
                <input
                  aria-label={t('tracing.reason')}
                  placeholder={t('tracing.reason')}
                  value={reasons[c.id] ?? ''}
                  onChange={(e) => setReasons({ ...reasons, [c.id]: e.target.value })}
                />{' '}
                <button type="button" disabled={busy} onClick={() => dismiss(c)}>
                  {t('tracing.dismiss')}
                </button>
              </div>
            )}
            {!c.masked && c.status === 'confirmed' && (
              <button type="button" disabled={busy} onClick={() => expand(c)}>
                {t('tracing.expand', { n: c.generation + 1 })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
