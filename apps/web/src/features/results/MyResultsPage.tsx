import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CertificateView } from './CertificateView';
import type { MyResult, MyResults } from './types';
import { formatDateTime } from '../../components/format';

/** What a positive (or pool-positive) result asks of the person now; it is not a pass of any kind. */
function WhatToDo({ pool }: { pool: boolean }) {
  const { t } = useTranslation();
  const steps = pool
    ? (['poolStay', 'poolContact', 'hotline'] as const)
    : (['stay', 'contact', 'emergency', 'hotline'] as const);
  return (
    <div className="alert alert-error" role="alert" data-testid="what-to-do">
      <strong>{t(pool ? 'results.todo.poolTitle' : 'results.todo.title')}</strong>
      <ul>
        {steps.map((k) => (
          <li key={k}>{t(`results.todo.${k}`)}</li>
        ))}
      </ul>
      <p>
        <a className="btn" href="tel:19009095">
          {t('results.todo.call')}
        </a>
      </p>
    </div>
  );
}

function ResultLine({ r, retestPending }: { r: MyResult; retestPending: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const when = formatDateTime;
  const label =
    r.pooled && r.result === 'positive' ? t('results.poolPositive') : t(`results.results.${r.result}`);
  return (
    <li className="card" data-testid="my-result">
      <strong className={r.result === 'positive' ? 'badge badge-danger' : 'badge'}>{label}</strong>{' '}
      {t(`results.testTypes.${r.testType}`)}
      {r.pooled && ` (${t('results.pooled')})`}
      <div>
        {t('results.collected')}: {when(r.collectedAt ?? r.releasedAt)}
      </div>
      {r.labName && (
        <div>
          {t('results.lab')}: {r.labName}
        </div>
      )}
      {r.corrected && <div className="badge">{t('results.corrected')}</div>}
      {/* A positive pool's advice holds until the individual re-test result is out. */}
      {r.result === 'positive' && (!r.pooled || retestPending) && <WhatToDo pool={r.pooled} />}
      {/* A certificate is offered for a negative result only: a positive one must never look like a pass. */}
      {r.hasCertificate && r.result === 'negative' && (
        <button className="btn" type="button" onClick={() => setOpen(!open)}>
          {open ? t('results.hideCertificate') : t('results.openCertificate')}
        </button>
      )}
      {open && <CertificateView resultId={r.id} />}
    </li>
  );
}

/** The citizen's released results and those of their declared family, newest first. */
export default function MyResultsPage() {
  const { t } = useTranslation();
  const [data, setData] = useState<MyResults | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<MyResults>('/api/me/results').then(setData).catch(setError);
  }, []);
  return (
    <section className="narrow">
      <h1>{t('results.title')}</h1>
      <p>{t('results.intro')}</p>
      <ErrorBanner error={error} />
      {data && data.people.length === 0 && <p>{t('results.noRecord')}</p>}
      {data?.people.map((p) => (
        <div key={p.personId}>
          <h2>{p.self ? `${p.name} (${t('results.self')})` : p.name}</h2>
          {p.retestPending && (
            <div className="alert alert-warn" data-testid="retest-pending">
              {t('results.retestPending')}
            </div>
          )}
          {p.results.length === 0 ? (
            <p>{t('results.empty')}</p>
          ) : (
            <ul className="cards">
              {p.results.map((r) => (
                <ResultLine key={r.id} r={r} retestPending={p.retestPending} />
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
