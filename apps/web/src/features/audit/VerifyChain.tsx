import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import type { ChainReport as VerifyResult } from '@phongdich/contracts/audit';

/**
 * Checks the audit chain on the server (with its key, against every signed head) and shows whether
 * any entry was altered, removed, inserted or forged, and what the check covered.
 */
export function VerifyChain() {
  const { t } = useTranslation();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.get<VerifyResult>('/api/audit/verify'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const r = result;
  return (
    <div>
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {t('audit.verify')}
      </button>
      <ErrorBanner error={error} />
      {r && (
        <div className={r.ok ? 'alert alert-ok' : 'alert alert-error'} role="status">
          <p>
            {r.ok
              ? t('auditChain.ok', { checked: r.checked, heads: r.heads })
              : t('auditChain.broken', { checked: r.checked })}
          </p>
          {r.problem && <p>{t(`auditChain.problems.${r.problem}`, { count: r.rejected })}</p>}
          {r.brokenAt && <p>{t('auditChain.brokenAt', { id: r.brokenAt })}</p>}
          <p>
            {r.lastHead
              ? t('auditChain.lastHead', {
                  sealSeq: r.lastHead.sealSeq,
                  time: formatDateTime(r.lastHead.time),
                })
              : t('auditChain.noHead')}
          </p>
          {r.legacy > 0 && <p>{t('auditChain.legacy', { count: r.legacy })}</p>}
          {r.unsealed > 0 && <p>{t('auditChain.unsealed', { count: r.unsealed })}</p>}
        </div>
      )}
    </div>
  );
}
