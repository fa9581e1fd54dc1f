import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { HoldItem } from './types';

/** Whose data is held, as a link to their page. No name: the page that opens is the audited read. */
function Subject({ h }: { h: HoldItem }) {
  const { t } = useTranslation();
  if (h.kind === 'checkins' && h.venueId) {
    return <Link to={`/venues/${h.venueId}`}>{t('holds.page.venue', { name: h.venueName ?? '—' })}</Link>;
  }
  const commune = h.personCommuneName;
  return (
    <>
      <Link to={`/people/${h.personId}`}>
        {commune ? t('holds.page.person', { commune }) : t('holds.page.personNoCommune')}
      </Link>{' '}
      {/* Two people of one commune look alike without a name: a short reference tells them apart. */}
      <small className="hint">#{h.personId?.slice(0, 8)}</small>
    </>
  );
}

/** One hold of the area: what, whose, how long, why, by whom, and how it ended. */
export function AreaHoldCard({
  h,
  busy,
  onRelease,
}: {
  h: HoldItem;
  busy: boolean;
  onRelease: (h: HoldItem) => void;
}) {
  const { t } = useTranslation();
  return (
    <li className="card" data-testid="area-hold">
      <strong>{h.kind === 'checkins' ? t('holds.kindCheckins') : t('holds.kindDeclarations')}</strong>{' '}
      <span className={h.active ? 'badge badge-warn' : 'badge'}>
        {h.active ? t('holds.page.inForce') : t('holds.page.ended')}
      </span>
      <dl className="kv">
        <dt>{t('holds.page.subject')}</dt>
        <dd>
          <Subject h={h} />
        </dd>
        <dt>{t('holds.page.range')}</dt>
        <dd>
          {h.kind === 'checkins'
            ? t('holds.range', { from: formatDateTime(h.from), to: formatDateTime(h.to) })
            : t('holds.page.allDeclarations')}
        </dd>
        <dt>{t('holds.page.heldUntil')}</dt>
        <dd>{formatDateTime(h.heldUntil)}</dd>
        <dt>{t('holds.page.reason')}</dt>
        <dd>{h.reason}</dd>
        <dt>{t('holds.page.placedBy')}</dt>
        <dd>{h.createdByName ?? t('common.none')}</dd>
        {!h.active && (
          <>
            <dt>{t('holds.page.endedHow')}</dt>
            <dd>
              {h.releasedAt
                ? t('holds.releasedAt', {
                    date: formatDateTime(h.releasedAt),
                    name: h.releasedByName ?? t('common.none'),
                  })
                : t('holds.expiredAt', { date: formatDateTime(h.heldUntil) })}
            </dd>
          </>
        )}
      </dl>
      {h.active && (
        <div className="btn-row">
          <button type="button" disabled={busy} onClick={() => onRelease(h)}>
            {t('holds.release')}
          </button>
        </div>
      )}
    </li>
  );
}
