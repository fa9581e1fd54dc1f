import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import {
  EMPTY_REPORT,
  ReportAnswerNotice,
  reportBody,
  ReportFields,
  type ReportValues,
} from './ReportFields';
import { Signs } from './Signs';
import type { MyCase, ReportAnswer } from './types';

/** The citizen's daily home-isolation report: a few numbers and ticks, sent in one tap (cheap phones). */
export default function MyIsolationPage() {
  const { t } = useTranslation();
  const [mine, setMine] = useState<MyCase | null>(null);
  const [values, setValues] = useState<ReportValues>(EMPTY_REPORT);
  // One id per report being filled in: a retry after a lost answer is the same report.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.get<MyCase>('/api/me/case').then(setMine).catch(setError);
  }, []);
  useEffect(load, [load]);

  async function send(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const a = await api.post<ReportAnswer>('/api/me/case/reports', reportBody(values, clientId));
      setAnswer(a);
      setClientId(crypto.randomUUID());
      setValues(EMPTY_REPORT);
      load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const c = mine?.case;
  return (
    <section className="narrow">
      <h1>{t('cases.report.title')}</h1>
      <ErrorBanner error={error} />
      {mine && !c && <p>{t('cases.report.noCase')}</p>}
      {c && c.status === 'closed' && (
        <div className="card">
          <p>{t('cases.report.closed')}</p>
          {c.release.noteNumber && (
            <a href="/api/me/case/release-note.pdf" download>
              {t('cases.page.releaseNote')}
            </a>
          )}
        </div>
      )}
      {c && c.status === 'open' && (
        <>
          <p>{t('cases.report.intro')}</p>
          <p className={c.reportedToday ? 'alert alert-ok' : 'alert alert-warn'} data-testid="report-due">
            {c.reportedToday ? t('cases.report.reportedToday') : t('cases.report.due')}
          </p>
          {answer && (
            <ReportAnswerNotice
              answer={answer}
              warningText={t('cases.report.warningSent')}
              testId="report-answer"
            />
          )}
          <form onSubmit={send} noValidate>
            <ReportFields values={values} onChange={setValues} symptoms={mine.symptoms} error={error} />
            <button type="submit" disabled={busy}>
              {t('cases.report.send')}
            </button>
          </form>
          <h2>{t('cases.report.history')}</h2>
          <ul className="cards">
            {c.reports.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.reportedAt)} · SpO2 {r.spo2 ?? '–'} % · {r.temperature ?? '–'} °C ·{' '}
                {r.breathingRate ?? '–'}/min <Signs signs={r.warningSigns} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
