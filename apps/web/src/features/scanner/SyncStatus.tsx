import type { QueueKind } from '@phongdich/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissRejected, flush, rejectedItems, type RejectedItem } from '../../offline/queue';
import { useQueueStatus } from '../../offline/use-queue-status';
import { currentLang } from '../../i18n';
import { formatDateTime, formatTime } from '../../components/format';

function errorText(error: unknown): string {
  const e = error as { message?: { vi: string; en: string } | string; code?: string } | null;
  if (e && typeof e.message === 'object') return e.message[currentLang()];
  return e?.code ?? (typeof e?.message === 'string' ? e.message : '');
}

/** Online/offline, items waiting to be sent, last sync, and the items the server refused. */
export function SyncStatus({ kind }: { kind: QueueKind }) {
  const { t } = useTranslation();
  const status = useQueueStatus();
  const [rejected, setRejected] = useState<RejectedItem[]>([]);
  useEffect(() => {
    void rejectedItems(kind).then(setRejected);
  }, [kind, status.pending, status.lastSyncAt]);
  return (
    <section className="sync-status" aria-live="polite">
      <p>
        <span data-testid="online-state">{status.online ? t('scanner.online') : t('scanner.offline')}</span>
        {' · '}
        <span data-testid="pending-count">{t('scanner.pending', { count: status.pending })}</span>
        {status.syncing && <> · {t('scanner.syncing')}</>}
        {status.lastSyncAt && <> · {t('scanner.lastSync', { time: formatTime(status.lastSyncAt) })}</>}{' '}
        {status.pending > 0 && status.online && (
          <button type="button" onClick={() => void flush()}>
            {t('scanner.syncNow')}
          </button>
        )}
      </p>
      {rejected.length > 0 && (
        <div className="alert alert-error" role="alert">
          <strong>{t('scanner.rejectedTitle')}</strong>
          <ul>
            {rejected.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.createdAt)}: {errorText(r.error)}{' '}
                <button
                  type="button"
                  onClick={() =>
                    void dismissRejected(r.id).then(() =>
                      setRejected((xs) => xs.filter((x) => x.id !== r.id)),
                    )
                  }
                >
                  {t('scanner.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
