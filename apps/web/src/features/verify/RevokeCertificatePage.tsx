import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateEntry, decodeHcert } from '@phongdich/dcc';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import type { CertificateLookup, Revoked } from '@phongdich/contracts/certificates';

/** A typed UVCI as is; a pasted or scanned HC1 code gives the UVCI inside it. */
function uvciOf(text: string): string {
  const s = text.trim();
  if (!/^HC1:/i.test(s)) return s;
  try {
    return certificateEntry(decodeHcert(s).payload)?.entry.ci ?? s;
  } catch {
    return s;
  }
}

/**
 * Revocation by the officers who may revoke (national administrators; province officers for the people
 * of their province and the certificates its labs issued): find the certificate (Enter only finds it),
 * give the reason, confirm. The server enforces the jurisdiction; outside it nothing is shown.
 */
export default function RevokeCertificatePage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<CertificateLookup | null>(null);
  const [reason, setReason] = useState('');
  const [confirmKey, setConfirmKey] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function find(e: FormEvent) {
    e.preventDefault();
    const uvci = uvciOf(code);
    if (!uvci) return;
    setFound(null);
    setReason('');
    setConfirmKey(null);
    setDone(null);
    setError(null);
    try {
      setFound(await api.post<CertificateLookup>('/api/certificates/lookup', { uvci }));
    } catch (err) {
      setError(err);
    }
  }
  function review(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) return setMissing(true);
    setMissing(false);
    setConfirmKey(crypto.randomUUID());
  }
  async function revoke() {
    if (!found || !confirmKey) return;
    setError(null);
    try {
      await api.post<Revoked>(
        '/api/certificates/revoke',
        { uvci: found.uvci, reason: reason.trim() },
        { 'Idempotency-Key': confirmKey },
      );
      setDone(found.uvci);
      setFound(null);
      setConfirmKey(null);
      setCode('');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="narrow">
      <h1>{t('verify.revoke.title')}</h1>
      <p>{t('verify.revoke.intro')}</p>
      <form onSubmit={(e) => void find(e)}>
        <div className="field">
          <label htmlFor="revoke-code">{t('verify.revoke.code')}</label>
          <input id="revoke-code" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <button className="btn" type="submit">
          {t('verify.revoke.find')}
        </button>
      </form>
      <ErrorBanner error={error} />
      {done && (
        <p className="alert alert-ok" role="status">
          {t('verify.revoke.done', { uvci: done })}
        </p>
      )}
      {found && (
        <form className="card" onSubmit={review} data-testid="revoke-certificate">
          <dl>
            <dt>{t('verify.name')}</dt>
            <dd>{found.name}</dd>
            <dt>{t('verify.result')}</dt>
            <dd>{t(`verify.revoke.results.${found.result}`)}</dd>
            <dt>{t('verify.issuer')}</dt>
            <dd>{found.labName}</dd>
            <dt>{t('verify.uvci')}</dt>
            <dd style={{ overflowWrap: 'anywhere' }}>{found.uvci}</dd>
          </dl>
          {found.revokedAt ? (
            <p className="alert alert-warn">
              {t('verify.revoke.already', { at: formatDateTime(found.revokedAt) })}
            </p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="revoke-reason">{t('verify.revoke.reason')}</label>
                <textarea
                  id="revoke-reason"
                  rows={3}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    setConfirmKey(null);
                  }}
                />
              </div>
              {missing && (
                <p className="alert alert-error" role="alert">
                  {t('verify.revoke.needReason')}
                </p>
              )}
              {!confirmKey ? (
                <button className="btn btn-danger" type="submit">
                  {t('verify.revoke.submit')}
                </button>
              ) : (
                <div role="alertdialog" aria-labelledby="revoke-confirm">
                  <p id="revoke-confirm">
                    <strong>{t('verify.revoke.confirm', { name: found.name })}</strong>
                  </p>
                  <button className="btn btn-danger" type="button" onClick={() => void revoke()}>
                    {t('verify.revoke.confirmSave')}
                  </button>{' '}
                  <button className="btn" type="button" onClick={() => setConfirmKey(null)}>
                    {t('verify.revoke.back')}
                  </button>
                </div>
              )}
            </>
          )}
        </form>
      )}
    </section>
  );
}
