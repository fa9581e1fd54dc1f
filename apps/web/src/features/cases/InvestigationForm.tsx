import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldMessage } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import type { Investigation } from './types';

/** The investigation questions (a versioned set from the server) beside what the platform knows. */
export function InvestigationForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [inv, setInv] = useState<Investigation | null>(null);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const load = useCallback(
    () =>
      api
        .get<Investigation>(`/api/cases/${caseId}/investigation`)
        .then((i) => {
          setInv(i);
          setAnswers(i.answers);
        })
        .catch(setError),
    [caseId],
  );
  useEffect(() => void load(), [load]);

  async function save() {
    if (!inv) return;
    setError(null);
    setSaved(false);
    try {
      await api.put(`/api/cases/${caseId}/investigation`, { version: inv.version, answers });
      setSaved(true);
      await load();
    } catch (e) {
      setError(e);
    }
  }

  if (!inv) return <ErrorBanner error={error} />;
  const k = inv.known;
  return (
    <div className="card" data-testid="investigation">
      <h2>{t('cases.page.investigation')}</h2>
      <h3>{t('cases.page.known', { from: k.windowFrom, to: k.windowTo })}</h3>
      <p>
        {t('cases.page.checkins')}:{' '}
        {k.checkins.map((c) => `${c.venueName} (${formatDateTime(c.at)})`).join('; ') || '–'}
      </p>
      <p>
        {t('cases.page.declarations')}: {k.declarations.map((d) => formatDateTime(d.at)).join('; ') || '–'}
      </p>
      <p>
        {t('cases.page.household')}:{' '}
        {k.household.map((h) => `${h.fullName} (${h.relation})`).join('; ') || '–'}
      </p>
      <p>
        {t('cases.page.tests')}:{' '}
        {k.tests.map((x) => `${x.barcode} ${x.result} (${formatDateTime(x.releasedAt)})`).join('; ') || '–'}
      </p>
      {inv.questions.map((q) => {
        const message = fieldMessage(error, `answers.${q.id}`);
        const v = answers[q.id];
        const set = (value: unknown) => setAnswers((a) => ({ ...a, [q.id]: value }));
        return (
          <div key={q.id} className={message ? 'field field-invalid' : 'field'}>
            <label htmlFor={`q-${q.id}`}>{q.label[lang]}</label>
            {q.type === 'yes_no' && (
              <select
                id={`q-${q.id}`}
                value={v === true ? 'yes' : v === false ? 'no' : ''}
                onChange={(e) => set(e.target.value === '' ? undefined : e.target.value === 'yes')}
              >
                <option value="" />
                <option value="yes">{t('cases.page.yes')}</option>
                <option value="no">{t('cases.page.no')}</option>
              </select>
            )}
            {q.type === 'multi_select' &&
              q.options?.map((o) => {
                const list = Array.isArray(v) ? (v as string[]) : [];
                return (
                  <label key={o.value} className="check">
                    <input
                      type="checkbox"
                      checked={list.includes(o.value)}
                      onChange={(e) =>
                        set(e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))
                      }
                    />{' '}
                    {o.label[lang]}
                  </label>
                );
              })}
            {q.type === 'text' && (
              <textarea
                id={`q-${q.id}`}
                maxLength={q.maxLength}
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => set(e.target.value)}
              />
            )}
            {q.type === 'provinces' && (
              <input
                id={`q-${q.id}`}
                value={Array.isArray(v) ? (v as string[]).join(',') : ''}
                onChange={(e) =>
                  set(
                    e.target.value
                      .split(',')
                      .map((x) => x.trim())
                      .filter(Boolean),
                  )
                }
              />
            )}
            {message && <p className="field-error">{message}</p>}
          </div>
        );
      })}
      <ErrorBanner error={error} />
      {saved && <p className="alert alert-ok">{t('cases.page.saved')}</p>}
      <button type="button" onClick={() => void save()}>
        {t('cases.page.saveInvestigation')}
      </button>
    </div>
  );
}
