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
import type { HomeCareItem, HomeCareList, ReportAnswer } from './types';

/**
 * The commune's cases isolating at home, for the community COVID team and the medical team: who has
 * not reported today comes first; a member phones them and enters the answers here (issue #13 §4).
 * Only names and the report state are shown: the case record is the officers'.
 */
export default function HomeCarePage() {
  const { t } = useTranslation();
  const [data, setData] = useState<HomeCareList | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    api.get<HomeCareList>('/api/cases/home-care').then(setData).catch(setError);
  }, []);
  useEffect(load, [load]);

  const due = data?.items.filter((i) => !i.reportedToday).length ?? 0;
  return (
    <section className="narrow">
      <h1>{t('cases.care.title')}</h1>
      <p>{t('cases.care.intro')}</p>
      <ErrorBanner error={error} />
      {data && (
        <p className={due ? 'alert alert-warn' : 'alert alert-ok'} data-testid="care-due">
          {due ? t('cases.care.due', { n: due, total: data.items.length }) : t('cases.care.allDone')}
        </p>
      )}
      {data?.items.length === 0 && <p>{t('cases.care.empty')}</p>}
      <ul className="cards" data-testid="care-list">
        {data?.items.map((i) => (
          <li key={i.caseId} className="card" data-testid="care-item">
            <p>
              <strong>{i.personName}</strong> · {t('cases.care.day', { n: i.day })}
            </p>
            {i.warning && <p className="alert alert-error">{t('cases.care.warning')}</p>}
            <p>
              {i.reportedToday ? t('cases.care.reportedToday') : t('cases.care.notYet')}
              {i.lastReportAt && (
                <>
                  {' '}
                  · {t('cases.list.lastReport')}: {formatDateTime(i.lastReportAt)} · SpO2 {i.lastSpo2 ?? '–'}{' '}
                  %
                </>
              )}
            </p>
            {open === i.caseId ? (
              <ReportForm
                item={i}
                symptoms={data.symptoms}
                onDone={() => {
                  load();
                }}
                onClose={() => setOpen(null)}
              />
            ) : (
              <button type="button" onClick={() => setOpen(i.caseId)}>
                {t('cases.care.enter', { name: i.personName })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReportForm({
  item,
  symptoms,
  onDone,
  onClose,
}: {
  item: HomeCareItem;
  symptoms: HomeCareList['symptoms'];
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ReportValues>(EMPTY_REPORT);
  // One id per report being taken: a retry after a lost answer (a second tap) is the same report.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [answer, setAnswer] = useState<ReportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const a = await api.post<ReportAnswer>(
        `/api/cases/${item.caseId}/reports`,
        reportBody(values, clientId),
      );
      setAnswer(a);
      setClientId(crypto.randomUUID());
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (answer)
    return (
      <ReportAnswerNotice answer={answer} warningText={t('cases.care.warningSent')} testId="care-answer">
        <button type="button" onClick={onClose}>
          {t('cases.care.close')}
        </button>
      </ReportAnswerNotice>
    );
  return (
    <form onSubmit={send} noValidate aria-label={t('cases.care.formOf', { name: item.personName })}>
      <ErrorBanner error={error} />
      <ReportFields values={values} onChange={setValues} symptoms={symptoms} error={error} />
      <button type="submit" disabled={busy}>
        {t('cases.report.send')}
      </button>{' '}
      <button type="button" onClick={onClose}>
        {t('cases.care.cancel')}
      </button>
    </form>
  );
}
