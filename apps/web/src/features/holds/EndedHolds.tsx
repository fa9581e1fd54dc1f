import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { HoldItem } from './types';

/** Holds that are over, folded: released early (when, by whom) or run to their end. */
export function EndedHolds({ items }: { items: HoldItem[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <details>
      <summary>{t('holds.endedTitle', { count: items.length })}</summary>
      <ul className="cards">
        {items.map((h) => (
          <li key={h.id} className="card" data-testid="ended-hold">
            <strong>{h.kind === 'checkins' ? t('holds.kindCheckins') : t('holds.kindDeclarations')}</strong>
            <div>{h.reason}</div>
            <small className="hint">
              {h.releasedAt
                ? t('holds.releasedAt', { date: formatDateTime(h.releasedAt), name: h.releasedByName ?? '—' })
                : t('holds.expiredAt', { date: formatDateTime(h.heldUntil) })}
            </small>
          </li>
        ))}
      </ul>
    </details>
  );
}
