import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import type { PersonResults } from '../results/types';

/** The person's released test results, newest first (the server checks the area and audits the read). */
export function PersonResultsSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<PersonResults | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    api
      .get<PersonResults>(`/api/people/${personId}/results`)
      .then((d) => current && setData(d))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [personId]);

  return (
    <section aria-labelledby="person-results-title">
      <h2 id="person-results-title">{t('personPage.resultsTitle')}</h2>
      <ErrorBanner error={error} />
      {data?.retestPending && <p className="alert alert-warn">{t('results.retestPending')}</p>}
      {data?.results.length === 0 && <p>{t('personPage.resultsEmpty')}</p>}
      <ol className="cards">
        {data?.results.map((r) => (
          <li key={r.id} className="card" data-testid="person-test-result">
            <strong className={r.result === 'positive' ? 'badge badge-danger' : 'badge'}>
              {r.pooled && r.result === 'positive'
                ? t('results.poolPositive')
                : t(`results.results.${r.result}`)}
            </strong>{' '}
            {t(`results.testTypes.${r.testType}`)}
            {r.pooled && ` (${t('results.pooled')})`}
            <div className="hint">
              {t('results.collected')}: {formatDateTime(r.collectedAt ?? r.releasedAt)}
              {r.labName && ` · ${t('results.lab')}: ${r.labName}`}
            </div>
            {r.corrected && <div className="badge">{t('results.corrected')}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
