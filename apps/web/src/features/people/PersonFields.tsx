import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types';
import { formatDate, formatDateTime } from '../../components/format';

/**
 * The relation as words: the choices of the family form are stored as codes (child, parent…); older
 * free-text relations ("con") are shown as typed.
 */
export function useRelationLabel(): (relation: string) => string {
  const { t } = useTranslation();
  return (relation) => t(`citizen.relations.${relation}`, { defaultValue: relation });
}

/**
 * Every field of a person record as a definition list (masked values are shown as the server sends them).
 * `familyLink` says where a relative opens: the officers' person page by default, the citizen's own
 * family page for a citizen.
 */
export function PersonFields({
  person: p,
  familyLink = (id) => `/people/${id}`,
}: {
  person: Person;
  familyLink?: (id: string) => string;
}) {
  const { t } = useTranslation();
  const relationLabel = useRelationLabel();
  const none = t('common.none');
  const rows: [string, React.ReactNode][] = [
    [t('people.fullName'), p.fullName],
    [t('people.birthDate'), p.birthDate ? formatDate(p.birthDate) : (p.birthYear ?? none)],
    [t('people.sex'), t(`sex.${p.sex}`)],
    [t('people.nationality'), p.nationality],
    [t('people.cccd'), p.cccd ?? none],
    [t('people.cmnd'), p.cmnd ?? none],
    [t('people.passport'), p.passport ?? none],
    [t('people.bhyt'), p.bhyt ?? none],
    [t('people.phones'), p.phones.length ? p.phones.join(', ') : none],
    [t('people.address'), [p.street, p.communeName].filter(Boolean).join(', ') || none],
    [t('people.createdAt'), formatDateTime(p.createdAt)],
    [t('people.updatedAt'), formatDateTime(p.updatedAt)],
  ];
  return (
    <>
      <dl className="kv" data-testid="person-fields">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {p.mergedInto && (
          <>
            <dt>{t('people.mergedInto')}</dt>
            <dd>
              <Link to={`/people/${p.mergedInto}`}>{p.mergedInto}</Link>
            </dd>
          </>
        )}
      </dl>
      {p.family.length > 0 && (
        <>
          <h2>{t('people.family')}</h2>
          <ul>
            {p.family.map((m) => (
              <li key={m.id}>
                <Link to={familyLink(m.id)}>{m.fullName}</Link> ({relationLabel(m.relation)})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
