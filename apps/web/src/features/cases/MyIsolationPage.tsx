import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import { Signs } from './Signs';
import type { MyCase, ReportAnswer } from './types';

const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

/** The citizen's daily home-isolation report: a few numbers and ticks, sent in one tap (cheap phones). */
export default function MyIsolationPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [mine, setMine] = useState<MyCase | null>(null);
  const [spo2, setSpo2] = useState('');
  const [temperature, setTemperature] = useState('');
  const [breathing, setBreathing] = useState('');
  const [symptoms, setSymptoms] = useState<string[]>([]);
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
      const a = await api.post<ReportAnswer>('/api/me/case/reports', {
        clientId,
        spo2: num(spo2),
        temperature: num(temperature),
        breathingRate: num(breathing),
        symptoms,
      });
      setAnswer(a);
      setClientId(crypto.randomUUID());
      setSpo2('');
      setTemperature('');
      setBreathing('');
      setSymptoms([]);
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
            <div
              className={answer.escalated ? 'alert alert-error' : 'alert alert-ok'}
              role="status"
              data-testid="report-answer"
            >
              <p>{answer.escalated ? t('cases.report.warningSent') : t('cases.report.sent')}</p>
              <Signs signs={answer.report.warningSigns} />
              {answer.advice && <p>{answer.advice[lang]}</p>}
            </div>
          )}
          <form onSubmit={send} noValidate>
            <Field
              label={t('cases.report.spo2')}
              hint={t('cases.report.spo2Hint')}
              name="spo2"
              inputMode="numeric"
              value={spo2}
              onChange={(e) => setSpo2(e.target.value)}
              error={error}
            />
            <Field
              label={t('cases.report.temperature')}
              name="temperature"
              inputMode="decimal"
              value={temperature}
              onChange={(e) => setTemperature(e.target.value)}
              error={error}
            />
            <Field
              label={t('cases.report.breathingRate')}
              hint={t('cases.report.breathingHint')}
              name="breathingRate"
              inputMode="numeric"
              value={breathing}
              onChange={(e) => setBreathing(e.target.value)}
              error={error}
            />
            <fieldset>
              <legend>{t('cases.report.symptoms')}</legend>
              {mine.symptoms.map((s) => (
                <label key={s.id} className="check">
                  <input
                    type="checkbox"
                    checked={symptoms.includes(s.id)}
                    onChange={(e) =>
                      setSymptoms((x) => (e.target.checked ? [...x, s.id] : x.filter((y) => y !== s.id)))
                    }
                  />{' '}
                  {s.label[lang]}
                </label>
              ))}
            </fieldset>
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
