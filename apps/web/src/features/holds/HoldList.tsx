import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { HoldItem } from './types';

/** The holds in force, each with its release button. */
export function HoldList({
  items,
  busy,
  onRelease,
}: {
  items: HoldItem[];
  busy: boolean;
  onRelease: (item: HoldItem) => void;
}) {
  const { t } = useTranslation();
  if (!items.length) return <p>{t('holds.none')}</p>;
  return (
    <ul className="cards" aria-label={t('holds.listLabel')}>
      {items.map((h) => (
        <li key={h.id} className="card" data-testid="hold-item">
          <strong>{h.kind === 'checkins' ? t('holds.kindCheckins') : t('holds.kindDeclarations')}</strong>
          {h.kind === 'checkins' && (
            <div>{t('holds.range', { from: formatDateTime(h.from), to: formatDateTime(h.to) })}</div>
          )}
          <div>{t('holds.heldUntil', { date: formatDateTime(h.heldUntil) })}</div>
          <div>{h.reason}</div>
          {h.createdByName && <small className="hint">{t('holds.by', { name: h.createdByName })}</small>}
          <div className="btn-row">
            <button type="button" disabled={busy} onClick={() => onRelease(h)}>
              {t('holds.release')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
