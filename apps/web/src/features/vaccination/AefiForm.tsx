import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AefiInput, AefiSeverity } from '@phongdich/contracts/vaccination';
import { vaccinationSiteVi } from './site-i18n';

const SYMPTOMS = [
  'fever',
  'injection_site',
  'headache',
  'fatigue',
  'rash',
  'breathing',
  'chest_pain',
  'anaphylaxis',
] as const;
const SEVERITIES: AefiSeverity[] = ['mild', 'moderate', 'serious'];

/** The local time of an instant as a datetime-local value (the phone's own zone). */
const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** What the form fills of the report (AefiBody); the caller adds the ids. */
export type AefiFields = Pick<AefiInput, 'symptoms' | 'onsetAt' | 'severity'> & { note: string | null };

/**
 * An adverse event after immunisation: symptoms (from a list, or written), when it started, how
 * severe. Used by the vaccinator at the site and by a citizen later (My vaccination → report).
 */
export function AefiForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (f: AefiFields) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<(typeof SYMPTOMS)[number][]>([]);
  const [other, setOther] = useState('');
  const [onset, setOnset] = useState(localNow);
  const [severity, setSeverity] = useState<AefiSeverity>('mild');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Symptoms are sent in Vietnamese words an officer reads (the list's labels), plus what was written.
    const symptoms = [
      ...picked.map((s) => vaccinationSiteVi.aefi.list[s]),
      ...(other.trim() ? [other.trim()] : []),
    ];
    if (!symptoms.length) {
      setProblem(t('vaccinationSite.aefi.needSymptom'));
      return;
    }
    setProblem(null);
    await onSubmit({ symptoms, onsetAt: new Date(onset).toISOString(), severity, note: note.trim() || null });
  }

  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="aefi-form">
      <h3>{t('vaccinationSite.aefi.title')}</h3>
      <fieldset>
        <legend>{t('vaccinationSite.aefi.symptoms')}</legend>
        {SYMPTOMS.map((s) => (
          <label key={s} style={{ display: 'block' }}>
            <input
              type="checkbox"
              name={`symptom-${s}`}
              checked={picked.includes(s)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, s] : picked.filter((x) => x !== s))}
            />{' '}
            {t(`vaccinationSite.aefi.list.${s}`)}
          </label>
        ))}
        <label>
          {t('vaccinationSite.aefi.other')}
          <input
            name="otherSymptom"
            value={other}
            onChange={(e) => setOther(e.target.value)}
            maxLength={100}
          />
        </label>
      </fieldset>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <label>
        {t('vaccinationSite.aefi.onset')}
        <input
          type="datetime-local"
          name="onsetAt"
          value={onset}
          onChange={(e) => setOnset(e.target.value)}
          required
        />
      </label>
      <label>
        {t('vaccinationSite.aefi.severity')}
        <select
          name="severity"
          value={severity}
          onChange={(e) => setSeverity(e.target.value as AefiSeverity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`vaccinationSite.aefi.severities.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {severity === 'serious' && <p>{t('vaccinationSite.aefi.seriousNote')}</p>}
      <label>
        {t('vaccinationSite.aefi.note')}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      </label>
      <button className="btn" type="submit">
        {t('vaccinationSite.aefi.send')}
      </button>{' '}
      <button className="btn secondary" type="button" onClick={onCancel}>
        ✕
      </button>
    </form>
  );
}
