import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TracedCases, Contact } from '@phongdich/contracts/tracing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';

/** The officer's tracing home: cases traced in the area, and the contacts living in it. */
export default function TracingPage() {
  const { t } = useTranslation();
  const [cases, setCases] = useState<TracedCases['items'] | null>(null);
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<TracedCases>('/api/tracing/cases')
      .then((r) => setCases(r.items))
      .catch(setError);
    api
      .get<{ items: Contact[] }>('/api/tracing/contacts', { status: 'confirmed' })
      .then((r) => setContacts(r.items))
      .catch(setError);
  }, []);
  return (
    <section>
      <h1>{t('tracing.title')}</h1>
      <p>{t('tracing.intro')}</p>
      <ErrorBanner error={error} />
      <h2>{t('tracing.cases')}</h2>
      {cases && cases.length === 0 && <p>{t('tracing.noCases')}</p>}
      <ul className="cards" aria-label={t('tracing.cases')}>
        {(cases ?? []).map((c) => (
          <li key={c.caseId} className="card" data-testid="traced-case">
            <strong>{t('tracing.caseLabel', { id: c.caseId.slice(0, 8) })}</strong>
            <div>
              {t('tracing.window', { from: formatDateTime(c.windowStart), to: formatDateTime(c.windowEnd) })}
            </div>
            <div>{t('tracing.counts', c)}</div>
            <Link to={`/tracing/cases/${c.caseId}`}>{t('tracing.openCase')}</Link>
          </li>
        ))}
      </ul>
      <h2>{t('tracing.areaContacts')}</h2>
      {contacts.length === 0 ? (
        <p>{t('tracing.empty')}</p>
      ) : (
        <ul className="cards" aria-label={t('tracing.areaContacts')}>
          {contacts.map((c) => (
            <li key={c.id} className="card">
              <strong>{c.fullName}</strong> · {t('tracing.generation', { n: c.generation })} ·{' '}
              {c.exposureDate && t('tracing.exposure', { day: formatDate(c.exposureDate) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
