import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '@phongdich/contracts';
import { useAuth } from '../auth/AuthContext';
import { currentLang, setLang } from '../i18n';
import { navFor } from './nav';

/** Top bar (product, language, account) and role-based navigation around every page. */
export function Layout() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const lang = currentLang();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand">
          {t('app.name')}
        </NavLink>
        <div className="topbar-actions">
          <button
            type="button"
            className="btn-link"
            lang={lang === 'vi' ? 'en' : 'vi'}
            aria-label={`${t('app.language')}: ${t('app.switchLanguage')}`}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            {t('app.switchLanguage')}
          </button>
          {me ? (
            <button
              type="button"
              className="btn-link"
              onClick={() => void signOut().then(() => navigate('/sign-in'))}
            >
              {t('app.signOut')}
            </button>
          ) : (
            me === null && (
              <NavLink to="/sign-in" className="btn-link">
                {t('app.signIn')}
              </NavLink>
            )
          )}
        </div>
      </header>
      {me && (
        <div className="account-strip" data-testid="account-strip">
          <strong>{me.displayName}</strong>
          <span>{ROLE_LABELS[me.role]?.[lang] ?? me.role}</span>
          {me.unitName && <span>{me.unitName}</span>}
        </div>
      )}
      {me && (
        <nav className="mainnav" aria-label={t('app.mainNav')}>
          {navFor(me).map((item) => (
            <NavLink key={item.key} to={item.to} end>
              {t(`nav.${item.key}`)}
            </NavLink>
          ))}
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
