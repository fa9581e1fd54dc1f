import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { formatDateTime } from '../../components/format';

export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.personId')}</th>
            <th scope="col">{t('audit.reason')}</th>
            <th scope="col">{t('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} className={e.breakGlass ? 'masked' : undefined} data-testid="audit-row">
              <td>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <td>
                {e.actorName ?? e.actorAccountId ?? t('common.none')}
                <div className="hint">{[e.actorRole, e.actorUnit].filter(Boolean).join(' · ')}</div>
              </td>
              <td>
                {e.action}{' '}
                {e.breakGlass && <span className="badge badge-danger">{t('audit.breakGlass')}</span>}
              </td>
              <td>{e.personId ? <Link to={`/people/${e.personId}`}>{e.personId.slice(0, 8)}…</Link> : ''}</td>
              <td>{e.reason ?? ''}</td>
              <td>{e.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
