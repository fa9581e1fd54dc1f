import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '@phongdich/contracts';
import { api } from '../../api/client';
import type { Person } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { navFor } from '../../app/nav';
import { currentLang } from '../../i18n';
import { AreaSummary } from './AreaSummary';

/** A citizen's own name from their record (the account only knows a phone); null until there is one. */
function useOwnName(enabled: boolean): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    api
      .get<{ person: Person | null }>('/api/me/person')
      .then((r) => current && setName(r.person?.fullName ?? null))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [enabled]);
  return name;
}

/** A welcome by name, the officer's area figures, and the pages this role may use as large touch targets. */
export function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const ownName = useOwnName(me?.kind === 'citizen');
  if (!me) return null;
  const links = navFor(me).filter((i) => i.key !== 'home');
  return (
    <section>
      <h1>{t('home.welcome', { name: ownName ?? me.displayName })}</h1>
      <p>
        {t('home.roleAt', {
          role: ROLE_LABELS[me.role]?.[currentLang()] ?? me.role,
          unit: me.unitName ?? '—',
        })}
      </p>
      {me.kind === 'citizen' && <p>{t('home.citizenIntro')}</p>}
      {me.kind === 'staff' && can('worklist.read') && <AreaSummary />}
      <h2>{t('home.whatYouCanDo')}</h2>
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
