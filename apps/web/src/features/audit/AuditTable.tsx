import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { isAuditAction, ROLE_LABELS, type Role } from '@phongdich/contracts';
import { formatDateTime } from '../../components/format';
import { currentLang } from '../../i18n';
import { AUDIT_ACTIONS } from './i18n';

export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  // Roles, units and actions in words of the chosen language; the stored codes stay in the CSV export.
  const role = (r: string | null) => (r ? (ROLE_LABELS[r as Role]?.[lang] ?? r) : null);
  const unit = (e: AuditEntry) =>
    e.actorUnitName ?? (e.actorUnit ? e.actorUnit : e.actorRole ? t('auditMore.national') : null);
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
                <div className="hint">{[role(e.actorRole), unit(e)].filter(Boolean).join(' · ')}</div>
              </td>
              <td>
                {(isAuditAction(e.action) && AUDIT_ACTIONS[e.action]?.[lang]) || e.action}{' '}
                {e.breakGlass && <span className="badge badge-danger">{t('audit.breakGlass')}</span>}
              </td>
              <td>
                {e.personId ? <Link to={`/people/${e.personId}`}>{t('auditMore.openRecord')}</Link> : ''}
              </td>
              <td>{e.reason ?? ''}</td>
              <td>{e.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
