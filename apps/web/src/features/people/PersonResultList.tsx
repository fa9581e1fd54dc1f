import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../api/types';

/** Result cards; records outside the officer's jurisdiction are masked and visibly marked. */
export function PersonResultList({ items }: { items: PersonSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="cards" aria-label={t('people.results')}>
      {items.map((p) => (
        <li key={p.id} className={p.masked ? 'card masked' : 'card'} data-testid="person-result">
          <Link to={`/people/${p.id}`}>
            <strong>{p.fullName}</strong>
          </Link>{' '}
          {p.masked && <span className="badge badge-warn">{t('people.outside')}</span>}
          <div className="hint">
            {[
              p.birthYear ?? '',
              t(`sex.${p.sex}`),
              p.communeName,
              p.idHint ? `${t('people.idHint')}: ${p.idHint}` : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}
