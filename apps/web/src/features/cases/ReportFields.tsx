import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { currentLang } from '../../i18n';
import { Signs } from './Signs';
import type { HomeCareList, ReportAnswer } from './types';

/** A daily home-isolation report as typed: the citizen's own page and the team's phone form share it. */
export interface ReportValues {
  spo2: string;
  temperature: string;
  breathing: string;
  symptoms: string[];
}
export const EMPTY_REPORT: ReportValues = { spo2: '', temperature: '', breathing: '', symptoms: [] };

// A decimal comma is what a Vietnamese keyboard gives.
const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

/** The body of POST …/reports; the client id makes a retry the same report. */
export const reportBody = (v: ReportValues, clientId: string) => ({
  clientId,
  spo2: num(v.spo2),
  temperature: num(v.temperature),
  breathingRate: num(v.breathing),
  symptoms: v.symptoms,
});

/** The report's fields: a few numbers and ticks, for a cheap phone's keyboard. */
export function ReportFields({
  values,
  onChange,
  symptoms,
  error,
}: {
  values: ReportValues;
  onChange: (v: ReportValues) => void;
  symptoms: HomeCareList['symptoms'];
  error: unknown;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const set = (patch: Partial<ReportValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <Field
        label={t('cases.report.spo2')}
        hint={t('cases.report.spo2Hint')}
        name="spo2"
        inputMode="numeric"
        value={values.spo2}
        onChange={(e) => set({ spo2: e.target.value })}
        error={error}
      />
      <Field
        label={t('cases.report.temperature')}
        name="temperature"
        inputMode="decimal"
        value={values.temperature}
        onChange={(e) => set({ temperature: e.target.value })}
        error={error}
      />
      <Field
        label={t('cases.report.breathingRate')}
        hint={t('cases.report.breathingHint')}
        name="breathingRate"
        inputMode="numeric"
        value={values.breathing}
        onChange={(e) => set({ breathing: e.target.value })}
        error={error}
      />
      <fieldset>
        <legend>{t('cases.report.symptoms')}</legend>
        {symptoms.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={values.symptoms.includes(s.id)}
              onChange={(e) =>
                set({
                  symptoms: e.target.checked
                    ? [...values.symptoms, s.id]
                    : values.symptoms.filter((y) => y !== s.id),
                })
              }
            />{' '}
            {s.label[lang]}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** What the server answered to a report: sent, or the warning signs it escalated and the advice. */
export function ReportAnswerNotice({
  answer,
  warningText,
  testId,
  children,
}: {
  answer: ReportAnswer;
  warningText: string;
  testId: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <div
      className={answer.escalated ? 'alert alert-error' : 'alert alert-ok'}
      role="status"
      data-testid={testId}
    >
      <p>{answer.escalated ? warningText : t('cases.report.sent')}</p>
      <Signs signs={answer.report.warningSigns} />
      {answer.advice && <p>{answer.advice[lang]}</p>}
      {children}
    </div>
  );
}
