import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { InboxMessage } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';

const REFRESH_MS = 3000;

/** Messages the dev transport would have sent (OTP codes, notices). Public, development only. */
export default function DevInboxPage() {
  const { t } = useTranslation();
  const [items, setItems] = useState<InboxMessage[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let stopped = false;
    const load = () =>
      api
        .get<{ items: InboxMessage[] }>('/api/dev/inbox', { limit: 50 })
        .then((r) => {
          if (stopped) return;
          setItems(r.items);
          setError(null);
        })
        .catch((e: unknown) => !stopped && setError(e));
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  return (
    <section>
      <h1>{t('devInbox.title')}</h1>
      <p className="hint">{t('devInbox.intro')}</p>
      <ErrorBanner error={error} />
      {items && items.length === 0 && <p>{t('devInbox.empty')}</p>}
      <ul className="cards" aria-label={t('devInbox.title')}>
        {items?.map((m) => (
          <li key={m.id} className="card" data-testid="inbox-message">
            <dl className="kv">
              <dt>{t('devInbox.to')}</dt>
              <dd>{m.to}</dd>
              <dt>{t('devInbox.time')}</dt>
              <dd>
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              </dd>
              <dt>{t('devInbox.subject')}</dt>
              <dd>{m.subject}</dd>
            </dl>
            <p className="message-body">{m.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
