import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import { InvestigationForm } from './InvestigationForm';
import { Signs } from './Signs';
import type { CaseDetail, CaseRules } from './types';

/** One case: the record, its history and transfers, the investigation, home reports and release. */
export default function CasePage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const { id = '' } = useParams();
  const [d, setD] = useState<CaseDetail | null>(null);
  const [rules, setRules] = useState<CaseRules | null>(null);
  const [classification, setClassification] = useState('');
  const [onset, setOnset] = useState('');
  const [moveKind, setMoveKind] = useState<'home' | 'facility' | 'hospital'>('hospital');
  const [facility, setFacility] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    api
      .get<CaseDetail>(`/api/cases/${id}`)
      .then((x) => {
        setD(x);
        setClassification(x.case.classification ?? '');
        setOnset(x.case.symptomOnset ?? '');
      })
      .catch(setError);
  }, [id]);
  useEffect(load, [load]);
  useEffect(() => void api.get<CaseRules>('/api/cases/rules').then(setRules).catch(setError), []);

  async function act(fn: () => Promise<unknown>) {
    setError(null);
    setSaved(false);
    try {
      await fn();
      setSaved(true);
      load();
    } catch (e) {
      setError(e);
    }
  }

  if (!d) return <ErrorBanner error={error} />;
  const c = d.case;
  const open = c.status === 'open';
  return (
    <section className="narrow">
      <h1>
        {t('cases.page.title')}: {d.person.fullName}
      </h1>
      <ErrorBanner error={error} />
      {saved && <p className="alert alert-ok">{t('cases.page.saved')}</p>}
      <dl className="kv">
        <dt>{t('cases.page.person')}</dt>
        <dd>
          {d.person.fullName} ({d.person.birthYear}) {d.person.phone ?? ''} {d.person.street ?? ''}{' '}
          {c.communeName ?? ''}
        </dd>
        <dt>{t('cases.list.status')}</dt>
        <dd>
          {open
            ? t('cases.list.open')
            : c.closedReason === 'annulled'
              ? t('cases.list.annulled')
              : t('cases.list.closed')}
          {c.closedReason === 'annulled' && c.closedAt ? ` · ${formatDate(c.closedAt)}` : ''}
          {c.outcome ? ` · ${t(`cases.outcome.${c.outcome}`)}` : ''}
        </dd>
        <dt>{t('cases.page.sampleDate')}</dt>
        <dd>{formatDate(`${c.sampleDate}T12:00:00+07:00`)}</dd>
        <dt>{t('cases.list.treatment')}</dt>
        <dd>
          {t(`cases.treatment.${c.treatmentKind}`)} {c.treatmentFacility ?? ''}
        </dd>
        <dt>{t('cases.page.vaccination')}</dt>
        <dd>
          {t('cases.page.doses', { n: d.vaccination.doses })}
          {d.vaccination.primaryComplete ? ` · ${t('cases.page.primaryComplete')}` : ''}
        </dd>
      </dl>
      <Signs signs={c.warningSigns} />

      {open && (
        <div className="card">
          <div className="field">
            <label htmlFor="case-class">{t('cases.page.classification')}</label>
            <select
              id="case-class"
              value={classification}
              onChange={(e) => setClassification(e.target.value)}
            >
              <option value="">{t('cases.page.unassessed')}</option>
              {rules?.severityLevels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="case-onset">{t('cases.page.symptomOnset')}</label>
            <input id="case-onset" type="date" value={onset} onChange={(e) => setOnset(e.target.value)} />
          </div>
          <button
            type="button"
            onClick={() =>
              void act(() =>
                api.patch(`/api/cases/${id}`, {
                  version: c.version,
                  classification: classification || null,
                  symptomOnset: onset || null,
                }),
              )
            }
          >
            {t('cases.page.save')}
          </button>
        </div>
      )}

      <h2>{t('cases.page.places')}</h2>
      <ul className="cards">
        {d.treatmentPlaces.map((p, i) => (
          <li key={i} className="card">
            {formatDateTime(p.fromAt)} · {t(`cases.treatment.${p.kind}`)} {p.facility ?? ''}
          </li>
        ))}
      </ul>
      {open && (
        <div className="card">
          <h3>{t('cases.page.transfer')}</h3>
          <select
            aria-label={t('cases.list.treatment')}
            value={moveKind}
            onChange={(e) => setMoveKind(e.target.value as 'home')}
          >
            {(['home', 'facility', 'hospital'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`cases.treatment.${k}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('cases.page.facility')}
            placeholder={t('cases.page.facility')}
            value={facility}
            onChange={(e) => setFacility(e.target.value)}
          />
          <button
            type="button"
            onClick={() =>
              void act(() =>
                api.post(`/api/cases/${id}/transfers`, {
                  version: c.version,
                  kind: moveKind,
                  facility: facility || undefined,
                }),
              )
            }
          >
            {t('cases.page.move')}
          </button>
        </div>
      )}

      <h2>{t('cases.page.reports')}</h2>
      {d.reports.length === 0 && <p>{t('cases.page.noReports')}</p>}
      <ul className="cards" data-testid="case-reports">
        {d.reports.map((r) => (
          <li key={r.id} className="card">
            {formatDateTime(r.reportedAt)} · SpO2 {r.spo2 ?? '–'} % · {r.temperature ?? '–'} °C ·{' '}
            {r.breathingRate ?? '–'}
            /min <Signs signs={r.warningSigns} />
          </li>
        ))}
      </ul>

      <h2>{t('cases.page.release')}</h2>
      <p>
        {t('cases.page.releaseFrom', { day: d.release.earliestDay, from: d.release.negativeTestFromDay })}
      </p>
      <p>
        {d.release.negativeTest
          ? t('cases.page.negativeTest', {
              barcode: d.release.negativeTest.barcode,
              day: d.release.negativeTest.sampleDate,
            })
          : t('cases.page.noNegative')}
      </p>
      {open && d.release.releasable && (
        <button
          type="button"
          onClick={() => void act(() => api.post(`/api/cases/${id}/release`, { version: c.version }))}
        >
          {t('cases.page.releaseNow')}
        </button>
      )}
      {d.release.noteNumber && (
        <a href={`/api/cases/${id}/release-note.pdf`} download>
          {t('cases.page.releaseNote')}
        </a>
      )}

      <h2>{t('cases.page.confirmations')}</h2>
      <ul className="cards">
        {d.confirmations.map((k, i) => (
          <li key={i} className="card" data-testid="case-confirmation">
            {formatDateTime(k.confirmedAt)} · {k.kind} {k.barcode ?? ''} {k.note ?? ''} ({k.ruleVersion})
            {k.annulledAt && (
              <div>
                <span className="badge badge-warn">
                  {t('cases.page.annulledOn', { date: formatDateTime(k.annulledAt) })}
                </span>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('cases.page.history')}</h2>
      <ul className="cards">
        {d.history.map((h) => (
          <li key={h.version} className="card">
            v{h.version} · {formatDateTime(h.at)} · {h.changed.join(', ')} {h.by ? `· ${h.by}` : ''}
          </li>
        ))}
      </ul>
      <InvestigationForm caseId={id} />
    </section>
  );
}
