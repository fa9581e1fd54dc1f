import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { CorrectionResult, LabResultView } from '@phongdich/contracts/lab';
import type { ResultValue } from './types';

const RESULTS: readonly ResultValue[] = ['negative', 'positive', 'invalid'];

/**
 * The lab supervisor corrects a released result (issue #7 §2): find the tube (a scan or Enter only finds
 * it), choose the corrected value on an empty form, give a reason, and confirm the old and new values
 * shown side by side. One request with an Idempotency-Key, so a retried click never corrects twice.
 */
export default function LabCorrectionPage() {
  const { t } = useTranslation();
  const [scanText, setScanText] = useState('');
  const [found, setFound] = useState<LabResultView | null>(null);
  const [result, setResult] = useState<ResultValue | null>(null);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState<{ key: string; result: ResultValue; reason: string } | null>(
    null,
  );
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState<CorrectionResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const scan = useRef<HTMLInputElement>(null);
  const label = (r: ResultValue) => t(`lab.results.${r}`);

  async function find(e: FormEvent) {
    e.preventDefault();
    const code = scanText.trim();
    if (!code) return;
    setFound(null);
    setResult(null);
    setReason('');
    setConfirming(null);
    setMissing(null);
    setDone(null);
    setError(null);
    try {
      setFound(await api.get<LabResultView>(`/api/lab/results/${encodeURIComponent(code)}`));
      setScanText('');
    } catch (err) {
      setError(err);
    }
  }

  function review(e: FormEvent) {
    e.preventDefault();
    if (!found) return;
    if (!result) return setMissing(t('lab.correct.needResult'));
    if (result === found.result) return setMissing(t('lab.correct.same'));
    if (reason.trim().length < 5) return setMissing(t('lab.correct.needReason'));
    setMissing(null);
    setConfirming({ key: crypto.randomUUID(), result, reason: reason.trim() });
  }

  async function save() {
    if (!found || !confirming || busy) return;
    setBusy(true);
    setError(null);
    try {
      const out = await api.post<CorrectionResult>(
        `/api/lab/results/${encodeURIComponent(found.barcode)}/correction`,
        { result: confirming.result, reason: confirming.reason },
        { 'Idempotency-Key': confirming.key },
      );
      setDone(out);
      setFound(null);
      setConfirming(null);
      setResult(null);
      setReason('');
      scan.current?.focus();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setConfirming(null);
      setMissing(null);
    };

  return (
    <section className="narrow">
      <h1>{t('lab.correct.title')}</h1>
      <p>{t('lab.correct.intro')}</p>
      <form onSubmit={(e) => void find(e)}>
        <div className="field">
          <label htmlFor="correct-barcode">{t('lab.entry.barcode')}</label>
          <input
            id="correct-barcode"
            ref={scan}
            autoFocus
            autoComplete="off"
            value={scanText}
            onChange={(e) => setScanText(e.target.value)}
          />
        </div>
        <button className="btn" type="submit">
          {t('lab.correct.find')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {done && (
        <p className="alert alert-ok" role="status" data-testid="correction-done">
          {t('lab.correct.done', {
            barcode: done.barcode,
            from: label(done.from),
            to: label(done.to),
            people: done.people,
            issued: done.certificatesIssued,
            revoked: done.certificatesRevoked,
          })}
        </p>
      )}
      {found && (
        <form className="card" onSubmit={review} aria-labelledby="correct-tube">
          <h2 id="correct-tube" data-testid="correct-tube">
            {t('lab.correct.current', { barcode: found.barcode, result: label(found.result) })}
          </h2>
          <p>{found.members > 1 ? t('lab.verify.pool', { count: found.members }) : t('lab.verify.single')}</p>
          {found.status !== 'released' && <p className="alert alert-warn">{t('lab.correct.notReleased')}</p>}
          {found.corrections.length > 0 && (
            <ul aria-label={t('lab.correct.history')}>
              {found.corrections.map((c) => (
                <li key={c.correctedAt}>
                  {new Date(c.correctedAt).toLocaleString()}: {label(c.from)} → {label(c.to)} ({c.reason})
                </li>
              ))}
            </ul>
          )}
          <fieldset className="field" disabled={found.status !== 'released'}>
            <legend>{t('lab.correct.newResult')}</legend>
            {RESULTS.map((v) => (
              <label key={v} className="check">
                <input
                  type="radio"
                  name="corrected"
                  value={v}
                  checked={result === v}
                  onChange={() => change(setResult)(v)}
                />{' '}
                {label(v)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="correct-reason">{t('lab.correct.reason')}</label>
            <textarea
              id="correct-reason"
              rows={3}
              maxLength={500}
              value={reason}
              disabled={found.status !== 'released'}
              onChange={(e) => change(setReason)(e.target.value)}
            />
          </div>
          {missing && (
            <p className="alert alert-error" role="alert">
              {missing}
            </p>
          )}
          {!confirming && found.status === 'released' && (
            <button className="btn btn-primary" type="submit">
              {t('lab.correct.submit')}
            </button>
          )}
        </form>
      )}
      {found && confirming && (
        <div
          className="card"
          role="alertdialog"
          aria-labelledby="correct-confirm"
          data-testid="correct-confirm"
        >
          <p id="correct-confirm">
            {t('lab.correct.confirm')}
            <br />
            <strong>
              {found.barcode}: {label(found.result)} → {label(confirming.result)}
            </strong>
            <br />
            {t('lab.correct.reason')}: {confirming.reason}
          </p>
          <p>{t('lab.correct.effects')}</p>
          <button className="btn btn-primary" type="button" disabled={busy} onClick={() => void save()}>
            {t('lab.correct.confirmSave')}
          </button>{' '}
          <button className="btn" type="button" onClick={() => setConfirming(null)}>
            {t('lab.entry.back')}
          </button>
        </div>
      )}
    </section>
  );
}
