import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';
import { Signs } from './Signs';
import type { CaseList, MissedReportList } from './types';

/** Officers' list of cases in their area (commune, district or province), with filters and missed reports. */
export default function CasesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | 'closed' | ''>('open');
  const [treatment, setTreatment] = useState('');
  const [warning, setWarning] = useState(false);
  const [list, setList] = useState<CaseList | null>(null);
  const [missed, setMissed] = useState<MissedReportList | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    api
      .get<CaseList>('/api/cases', { status, treatment, warning: warning || undefined })
      .then(setList)
      .catch(setError);
    api.get<MissedReportList>('/api/cases/missed-reports').then(setMissed).catch(setError);
  }, [status, treatment, warning]);
  useEffect(load, [load]);

  return (
    <section>
      <h1>{t('cases.list.title')}</h1>
      <p>{t('cases.list.intro')}</p>
      <p>
        <Link to="/cases/new">{t('cases.list.newCase')}</Link>
      </p>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="case-status">{t('cases.list.status')}</label>
          <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as 'open')}>
            <option value="">{t('cases.list.all')}</option>
            <option value="open">{t('cases.list.open')}</option>
            <option value="closed">{t('cases.list.closed')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-treatment">{t('cases.list.treatment')}</label>
          <select id="case-treatment" value={treatment} onChange={(e) => setTreatment(e.target.value)}>
            <option value="">{t('cases.list.all')}</option>
            {(['home', 'facility', 'hospital'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`cases.treatment.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={warning} onChange={(e) => setWarning(e.target.checked)} />{' '}
          {t('cases.list.warningOnly')}
        </label>
      </div>
      {list && <p>{t('cases.list.total', { n: list.total })}</p>}
      {list && list.items.length === 0 && <p>{t('cases.list.empty')}</p>}
      <ul className="cards" data-testid="case-list">
        {list?.items.map((c) => (
          <li key={c.id} className="card">
            <Link to={`/cases/${c.id}`}>
              <strong>{c.personName}</strong> ({c.birthYear})
            </Link>
            {c.closedReason === 'annulled' && (
              <span className="badge badge-warn"> {t('cases.list.annulled')}</span>
            )}
            <div>
              {t('cases.list.confirmed')} {formatDate(c.confirmedAt)} ·{' '}
              {t(`cases.treatment.${c.treatmentKind}`)}
              {c.communeName ? ` · ${c.communeName}` : ''}
              {c.outcome ? ` · ${t(`cases.outcome.${c.outcome}`)}` : ''}
            </div>
            <Signs signs={c.warningSigns} />
          </li>
        ))}
      </ul>
      <h2>{t('cases.list.missed')}</h2>
      {missed && missed.items.length === 0 && <p>{t('cases.list.missedEmpty')}</p>}
      <ul className="cards" data-testid="missed-reports">
        {missed?.items.map((m) => (
          <li key={m.caseId} className="card">
            <Link to={`/cases/${m.caseId}`}>{m.personName}</Link> · {t('cases.list.lastReport')}:{' '}
            {m.lastReportAt ? formatDateTime(m.lastReportAt) : t('cases.list.never')}
          </li>
        ))}
      </ul>
    </section>
  );
}
