import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { HistoryItem } from '../../api/types';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';

/** Changes to the record, newest first as the server returns them. `reload` bumps after a merge or edit. */
export function HistorySection({ personId, reload }: { personId: string; reload: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<HistoryItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api
      .get<{ items: HistoryItem[] }>(`/api/people/${personId}/history`)
      .then((r) => current && setItems(r.items))
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [personId, reload]);

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('people.history')}</h2>
      <ErrorBanner error={error} />
      {items?.length === 0 && <p>{t('people.noHistory')}</p>}
      <ol className="cards">
        {items?.map((h, i) => (
          <li key={i} className="card">
            <strong>{h.kind}</strong> · <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            {h.actorName && <> · {h.actorName}</>}
            {h.changes != null && <pre className="message-body">{describeChanges(h.changes)}</pre>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function describeChanges(changes: unknown): string {
  if (typeof changes !== 'object' || changes === null) return String(changes);
  return Object.entries(changes as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('\n');
}
