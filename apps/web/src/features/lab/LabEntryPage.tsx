import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CT_TARGETS, type CtTarget, type ResultValue } from './types';

/** Bench entry: a barcode scanner types the code and Enter; the result stays selected for the next tube. */
export default function LabEntryPage() {
  const { t } = useTranslation();
  const [barcode, setBarcode] = useState('');
  const [result, setResult] = useState<ResultValue>('negative');
  const [ct, setCt] = useState<Partial<Record<CtTarget, string>>>({});
  const [kit, setKit] = useState('');
  const [log, setLog] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const ctValues = Object.fromEntries(
      Object.entries(ct)
        .filter(([, v]) => v && v.trim())
        .map(([k, v]) => [k, Number(v!.replace(',', '.'))]),
    );
    try {
      const r = await api.post<{ barcode: string; changed: boolean }>('/api/lab/results', {
        barcode: barcode.trim(),
        result,
        ...(Object.keys(ctValues).length ? { ctValues } : {}),
        ...(kit.trim() ? { kit: kit.trim() } : {}),
      });
      setLog((l) =>
        [t(r.changed ? 'lab.entry.saved' : 'lab.entry.unchanged', { barcode: r.barcode }), ...l].slice(0, 20),
      );
      setBarcode('');
      setCt({});
    } catch (err) {
      setError(err);
    }
    input.current?.focus();
  }

  return (
    <section className="narrow">
      <h1>{t('lab.entry.title')}</h1>
      <p>{t('lab.entry.intro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="barcode">{t('lab.entry.barcode')}</label>
          <input
            id="barcode"
            ref={input}
            autoFocus
            value={barcode}
            onChange={(e) => setBarcode(e.target.value)}
            required
          />
        </div>
        <fieldset className="field">
          <legend>{t('lab.entry.result')}</legend>
          {(['negative', 'positive', 'invalid'] as const).map((v) => (
            <label key={v} className="check">
              <input
                type="radio"
                name="result"
                value={v}
                checked={result === v}
                onChange={() => setResult(v)}
              />{' '}
              {t(`lab.results.${v}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('lab.entry.ct')}</legend>
          <div className="form-grid">
            {CT_TARGETS.map((k) => (
              <label key={k}>
                {k}{' '}
                <input
                  inputMode="decimal"
                  size={5}
                  value={ct[k] ?? ''}
                  onChange={(e) => setCt({ ...ct, [k]: e.target.value })}
                />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="kit">{t('lab.entry.kit')}</label>
          <input id="kit" value={kit} onChange={(e) => setKit(e.target.value)} />
        </div>
        <button className="btn btn-primary" type="submit">
          {t('lab.entry.save')}
        </button>
      </form>
      <ErrorBanner error={error} />
      <ul aria-live="polite">
        {log.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
