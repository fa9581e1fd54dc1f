import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate, formatNumber } from '../../components/format';
import type { AreaSummary as Summary } from '@phongdich/contracts/worklist';

/** The officer's area at a glance: open follow-ups, today's check-ins and results (counts only). */
export function AreaSummary() {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api
      .get<Summary>('/api/worklist/summary')
      .then((s) => current && setSummary(s))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, []);

  return (
    <section aria-labelledby="area-summary-title">
      <h2 id="area-summary-title">{t('homeSummary.title')}</h2>
      <ErrorBanner error={error} />
      {summary && (
        <>
          <ul className="figures-cards">
            <li data-testid="summary-open">
              <Link to="/worklist">
                <span className="figure">{formatNumber(summary.openItems)}</span>
                <span>{t('homeSummary.openItems')}</span>
              </Link>
            </li>
            <li data-testid="summary-checkins">
              <span className="figure">{formatNumber(summary.checkinsToday)}</span>
              <span>{t('homeSummary.checkinsToday')}</span>
            </li>
            <li data-testid="summary-results">
              <span className="figure">{formatNumber(summary.resultsToday)}</span>
              <span>{t('homeSummary.resultsToday')}</span>
              {summary.positiveToday > 0 && (
                <span className="badge badge-warn">
                  {t('homeSummary.positiveToday', { count: summary.positiveToday })}
                </span>
              )}
            </li>
          </ul>
          <p className="hint">{t('homeSummary.since', { date: formatDate(summary.since) })}</p>
        </>
      )}
    </section>
  );
}
