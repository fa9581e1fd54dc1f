import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { currentLang } from '../../i18n';
import { CameraScanner } from '../scanner/CameraScanner';
import { cachedTrustList, refreshTrustList, verifyOffline } from './offline-verify';
import type { TrustList, VerificationAnswer } from './types';
import { useScrollIntoView } from '../../components/useScrollIntoView';
import { formatDateTime } from '../../components/format';

/** Public verifier page: offline signature check first, then the server's revocation list when online. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [trust, setTrust] = useState<TrustList | null>(cachedTrustList());
  const [answer, setAnswer] = useState<VerificationAnswer | null>(null);
  const answerRef = useScrollIntoView<HTMLDivElement>(answer);
  const [online, setOnline] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void refreshTrustList().then(setTrust);
  }, []);

  async function check(text: string) {
    setBusy(true);
    setOnline(false);
    try {
      const list = trust ?? (await refreshTrustList());
      if (list) setAnswer(await verifyOffline(text, list));
      try {
        setAnswer(await api.post<VerificationAnswer>('/api/certificates/verify', { hc1: text.trim() }));
        setOnline(true);
      } catch {
        // offline: the local answer stands
      }
    } finally {
      setBusy(false);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void check(code);
  };
  const lang = currentLang();
  const c = answer?.certificate;
  return (
    <section className="narrow">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro')}</p>
      {!trust && <div className="alert alert-warn">{t('verify.noTrustList')}</div>}
      <CameraScanner
        onCode={(text) => {
          setCode(text);
          void check(text);
        }}
      />
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="hc1">{t('verify.code')}</label>
          <textarea
            id="hc1"
            rows={5}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            spellCheck={false}
          />
        </div>
        <button className="btn btn-primary" type="submit" disabled={busy || !code.trim()}>
          {busy ? t('verify.checking') : t('verify.check')}
        </button>
      </form>
      {answer && (
        <div
          ref={answerRef}
          className={`alert ${answer.valid ? 'alert-ok' : 'alert-error'}`}
          role="status"
          data-testid="verify-answer"
        >
          <strong>{answer.valid ? t('verify.valid') : t('verify.invalid')}</strong> — {answer.message[lang]}
          {answer.reason && <code> ({answer.reason})</code>}
          {c && (
            <dl className="kv">
              <dt>{t('verify.name')}</dt>
              <dd>{c.name}</dd>
              <dt>{t('verify.dob')}</dt>
              <dd>{c.dob}</dd>
              <dt>{t('verify.type')}</dt>
              <dd>{t(`verify.types.${c.type}`, { defaultValue: c.type })}</dd>
              {c.result && (
                <>
                  <dt>{t('verify.result')}</dt>
                  <dd>{t(`verify.results.${c.result}`, { defaultValue: c.result })}</dd>
                </>
              )}
              <dt>{t('verify.date')}</dt>
              <dd>{formatDateTime(c.date)}</dd>
              <dt>{t('verify.issuer')}</dt>
              <dd>{c.issuer}</dd>
              {c.country && (
                <>
                  <dt>{t('vaccinationCorrections.verify.country')}</dt>
                  <dd data-testid="verify-country">
                    {c.country}
                    {c.signer && ` — ${t(`vaccinationCorrections.verify.signer.${c.signer}`)}`}
                  </dd>
                </>
              )}
              <dt>{t('verify.uvci')}</dt>
              <dd>
                <code>{c.uvci}</code>
              </dd>
            </dl>
          )}
          <p className="hint">
            {online
              ? t('verify.online')
              : trust
                ? t('verify.offline', { at: formatDateTime(trust.savedAt) })
                : ''}
          </p>
        </div>
      )}
    </section>
  );
}
