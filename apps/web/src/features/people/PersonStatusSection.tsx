import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PersonBand } from '../scanner/PersonBand';
import type { PersonStatus as Status } from '@phongdich/contracts/status';

/** The person's health-status colour and the reasons behind it (the server audits the read). */
export function PersonStatusSection({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api
      .get<Status>(`/api/people/${personId}/status`)
      .then((s) => current && setStatus(s))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [personId]);

  return (
    <section aria-labelledby="person-status-title">
      <h2 id="person-status-title">{t('personPage.statusTitle')}</h2>
      <ErrorBanner error={error} />
      {status && (
        <>
          <PersonBand colour={status.colour} title={name} reasons={status.reasons} />
          <p className="hint">{t('personPage.statusRules', { version: status.ruleSetVersion })}</p>
        </>
      )}
    </section>
  );
}
