import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '@phongdich/contracts';
import { useAuth } from '../../auth/AuthContext';
import { navFor } from '../../app/nav';
import { currentLang } from '../../i18n';

/** A short welcome and the pages this role may use, as large touch targets. */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  const links = navFor(me).filter((i) => i.key !== 'home');
  return (
    <section>
      <h1>{t('home.welcome', { name: me.displayName })}</h1>
      <p>
        {t('home.roleAt', {
          role: ROLE_LABELS[me.role]?.[currentLang()] ?? me.role,
          unit: me.unitName ?? '—',
        })}
      </p>
      {me.kind === 'citizen' && <p>{t('home.citizenIntro')}</p>}
      <p>{t('home.whatYouCanDo')}</p>
      <ul className="tiles">
        {links.map((l) => (
          <li key={l.key}>
            <Link to={l.to}>{t(`nav.${l.key}`)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
