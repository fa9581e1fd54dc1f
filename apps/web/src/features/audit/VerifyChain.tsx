import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';

interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number | string | null;
}

/** Recomputes the audit hash chain on the server and shows whether any entry was altered. */
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

  return (
    <div>
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {t('audit.verify')}
      </button>
      <ErrorBanner error={error} />
      {result && (
        <p className={result.ok ? 'alert alert-ok' : 'alert alert-error'} role="status">
          {result.ok
            ? t('audit.verifyOk', { checked: result.checked })
            : t('audit.verifyBroken', { checked: result.checked, brokenAt: result.brokenAt ?? '?' })}
        </p>
      )}
    </div>
  );
}
