import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '@phongdich/contracts';
import { useAuth } from '../auth/AuthContext';
import { currentLang, setLang } from '../i18n';
import { navGroupsFor } from './nav';

/**
 * Top bar (product, menu, language, account) around every page. The menu lists the pages this role may
 * use, grouped by task, in a panel under the bar: one column that fits a 360 px phone whatever the role.
 */
export function Layout() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const lang = currentLang();
  const [menuOpen, setMenuOpen] = useState(false);

  // Going to a page closes the menu, so the page is what the person sees. A menu entry closes it on
  // the tap; the router renders the new page later, in a transition that waits for the page's code
  // (seconds on a slow phone), and that late arrival must not close a menu the person has opened
  // again meanwhile (it did: the panel "closed by itself" under load). Any other way of moving (back
  // button, a link in the page) closes it when the page arrives.
  const closedFor = useRef<string | null>(null);
  useEffect(() => {
    if (closedFor.current === pathname) closedFor.current = null;
    else setMenuOpen(false);
  }, [pathname]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

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
          {me && (
            <button
              type="button"
              className="btn-link menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((o) => !o)}
            >
              {menuOpen ? t('menu.close') : t('menu.open')}
            </button>
          )}
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
      {me && menuOpen && (
        <nav id="main-menu" className="mainmenu" aria-label={t('app.mainNav')}>
          {navGroupsFor(me).map(({ group, items }) => (
            <section key={group} className="menu-group" aria-labelledby={`menu-${group}`}>
              <h2 id={`menu-${group}`}>{t(`menu.groups.${group}`)}</h2>
              <ul>
                {items.map((item) => (
                  <li key={item.key}>
                    <NavLink
                      to={item.to}
                      end
                      onClick={() => {
                        closedFor.current = item.to === pathname ? null : item.to;
                        setMenuOpen(false);
                      }}
                    >
                      {t(`nav.${item.key}`)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
