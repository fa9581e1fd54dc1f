import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { EnterResult } from '@phongdich/contracts/lab';
import { CT_TARGETS, type CtTarget, type ResultValue } from './types';

type CtInput = Partial<Record<CtTarget, string>>;
/** What the technician is about to save: captured once, so later typing cannot change it. */
interface Entry {
  barcode: string;
  result: ResultValue;
  ctValues: Partial<Record<CtTarget, number>>;
  kit: string;
}
interface LogLine {
  id: number;
  text: string;
  warn?: boolean;
}

const RESULTS: readonly ResultValue[] = ['negative', 'positive', 'invalid'];

function parseCt(ct: CtInput): Partial<Record<CtTarget, number>> {
  return Object.fromEntries(
    Object.entries(ct)
      .filter(([, v]) => v && v.trim())
      .map(([k, v]) => [k, Number(v!.trim().replace(',', '.'))]),
  );
}

/**
 * Bench entry in three deliberate steps (issue #7 §1): a scan or Enter only selects the tube; the
 * technician chooses the result on an empty form; the tube and the value are shown together and saved
 * only on confirmation. Nothing carries over from one tube to the next, so a result typed for one tube
 * can never land on another, and nothing is saved that nobody chose.
 */
export default function LabEntryPage() {
  const { t } = useTranslation();
  const [scanText, setScanText] = useState('');
  const [tube, setTube] = useState<string | null>(null);
  const [result, setResult] = useState<ResultValue | null>(null);
  const [ct, setCt] = useState<CtInput>({});
  const [kit, setKit] = useState('');
  const [confirming, setConfirming] = useState<Entry | null>(null);
  const [missing, setMissing] = useState<'tube' | 'result' | null>(null);
  const [saving, setSaving] = useState(false);
  const [log, setLog] = useState<LogLine[]>([]);
  const [kits, setKits] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const scanInput = useRef<HTMLInputElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const nextId = useRef(0);
  // On a phone the confirmation sits below the form: bring it (tube and value) into view.
  useEffect(() => {
    if (confirming) confirmBox.current?.scrollIntoView?.({ block: 'nearest' });
  }, [confirming]);

  const addLog = (text: string, warn = false) =>
    setLog((l) => [{ id: nextId.current++, text, warn }, ...l].slice(0, 20));
  const label = (r: ResultValue) => t(`lab.results.${r}`);
  const ctText = (v: Partial<Record<CtTarget, number>>) =>
    Object.entries(v)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');

  function clearForm() {
    setResult(null);
    setCt({});
    setKit('');
    setConfirming(null);
    setMissing(null);
    setError(null);
  }

  /** Enter in the tube field (what a scanner sends): select the tube, never save. */
  function selectTube(e: FormEvent) {
    e.preventDefault();
    const code = scanText.trim();
    setScanText('');
    if (!code) return;
    if (tube && tube !== code && result) addLog(t('lab.entry.discarded', { barcode: tube }), true);
    setTube(code);
    clearForm();
  }

  /** The result form's own submit (button or Enter in a Ct field): only asks for confirmation. */
  function review(e: FormEvent) {
    e.preventDefault();
    if (!tube) return setMissing('tube');
    if (!result) return setMissing('result');
    setMissing(null);
    setConfirming({ barcode: tube, result, ctValues: parseCt(ct), kit: kit.trim() });
  }

  /** Anything changed after "save" goes back to choosing: the confirmation always shows what is sent. */
  function edit<T>(set: (v: T) => void) {
    return (v: T) => {
      set(v);
      setConfirming(null);
      setMissing(null);
    };
  }

  async function save() {
    const entry = confirming;
    if (!entry || saving) return;
    setSaving(true);
    setError(null);
    try {
      const r = await api.post<EnterResult>('/api/lab/results', {
        barcode: entry.barcode,
        result: entry.result,
        ...(Object.keys(entry.ctValues).length ? { ctValues: entry.ctValues } : {}),
        ...(entry.kit ? { kit: entry.kit } : {}),
      });
      const ctPart = Object.keys(entry.ctValues).length ? ` (Ct ${ctText(entry.ctValues)})` : '';
      addLog(
        t(r.changed ? 'lab.entry.saved' : 'lab.entry.unchanged', {
          barcode: r.barcode,
          result: label(entry.result),
        }) + ctPart,
      );
      if (entry.kit) setKits((k) => [entry.kit, ...k.filter((x) => x !== entry.kit)].slice(0, 10));
      setTube(null);
      clearForm();
    } catch (err) {
      setError(err);
      setConfirming(null);
    } finally {
      setSaving(false);
    }
    scanInput.current?.focus();
  }

  return (
    <section className="narrow">
      <h1>{t('lab.entry.title')}</h1>
      <p>{t('lab.entry.intro')}</p>
      <form onSubmit={selectTube}>
        <div className="field">
          <label htmlFor="barcode">{t('lab.entry.barcode')}</label>
          <input
            id="barcode"
            ref={scanInput}
            autoFocus
            autoComplete="off"
            value={scanText}
            onChange={(e) => setScanText(e.target.value)}
          />
        </div>
        <button className="btn" type="submit">
          {t('lab.entry.select')}
        </button>
      </form>

      <form onSubmit={review} className="card" aria-labelledby="entry-tube">
        <h2 id="entry-tube" data-testid="entry-tube">
          {tube ? t('lab.entry.tube', { barcode: tube }) : t('lab.entry.noTube')}
        </h2>
        <fieldset className="field" disabled={!tube}>
          <legend>{t('lab.entry.result')}</legend>
          {RESULTS.map((v) => (
            <label key={v} className="check">
              <input
                type="radio"
                name="result"
                value={v}
                checked={result === v}
                onChange={() => edit(setResult)(v)}
              />{' '}
              {label(v)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field" disabled={!tube}>
          <legend>{t('lab.entry.ct')}</legend>
          <div className="form-grid">
            {CT_TARGETS.map((k) => (
              <label key={k}>
                {k}{' '}
                <input
                  inputMode="decimal"
                  size={5}
                  autoComplete="off"
                  value={ct[k] ?? ''}
                  onChange={(e) => edit(setCt)({ ...ct, [k]: e.target.value })}
                />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="kit">{t('lab.entry.kit')}</label>
          <input
            id="kit"
            list="entry-kits"
            autoComplete="off"
            disabled={!tube}
            value={kit}
            onChange={(e) => edit(setKit)(e.target.value)}
          />
          <datalist id="entry-kits">
            {kits.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </div>
        {missing && (
          <p className="alert alert-error" role="alert">
            {t(missing === 'tube' ? 'lab.entry.needTube' : 'lab.entry.needResult')}
          </p>
        )}
        {!confirming && (
          <button className="btn btn-primary" type="submit">
            {t('lab.entry.save')}
          </button>
        )}
      </form>

      {confirming && (
        <div
          ref={confirmBox}
          className="card"
          role="alertdialog"
          aria-labelledby="entry-confirm"
          data-testid="entry-confirm"
        >
          <p id="entry-confirm">
            {t('lab.entry.confirm')}
            <br />
            <strong>
              {confirming.barcode}: {label(confirming.result)}
            </strong>
            {Object.keys(confirming.ctValues).length > 0 && <> (Ct {ctText(confirming.ctValues)})</>}
            {confirming.kit && <> · {confirming.kit}</>}
          </p>
          <button className="btn btn-primary" type="button" onClick={save} disabled={saving}>
            {t('lab.entry.confirmSave')}
          </button>{' '}
          <button className="btn" type="button" onClick={() => setConfirming(null)}>
            {t('lab.entry.back')}
          </button>
        </div>
      )}
      <ErrorBanner error={error} />
      <ul aria-live="polite">
        {log.map((line) => (
          <li key={line.id} data-testid="entry-log" className={line.warn ? 'alert alert-warn' : undefined}>
            {line.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
