import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import type { Me } from '../../api/types';
import { CitizenSignIn } from './CitizenSignIn';
import { StaffSignIn } from './StaffSignIn';
import { afterSignIn, forgetAfterSignIn } from '../../auth/after-sign-in';

type Tab = 'citizen' | 'staff';

/** Two ways in: citizens by phone and one-time code, staff by username, password and TOTP. */
export function SignInPage() {
  const { t } = useTranslation();
  const { me, setMe } = useAuth();
  const navigate = useNavigate();
  const stateFrom = (useLocation().state as { from?: string } | null)?.from;
  // Or where the light check-in page asked to come back to (forgotten once used).
  const [storedFrom] = useState(afterSignIn);
  const from = stateFrom ?? storedFrom;
  useEffect(() => {
    if (me) forgetAfterSignIn();
  }, [me]);
  const [tab, setTab] = useState<Tab>('citizen');

  if (me) return <Navigate to={from ?? (me.kind === 'citizen' ? '/me' : '/')} replace />;

  const onSignedIn = (account: Me) => {
    forgetAfterSignIn();
    setMe(account);
    navigate(from ?? (account.kind === 'citizen' ? '/me' : '/'), { replace: true });
  };

  const tabButton = (value: Tab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${value}`}
      aria-selected={tab === value}
      aria-controls={`panel-${value}`}
      className={tab === value ? 'tab tab-active' : 'tab'}
      onClick={() => setTab(value)}
    >
      {label}
    </button>
  );

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      <div role="tablist" className="tabs">
        {tabButton('citizen', t('signIn.citizenTab'))}
        {tabButton('staff', t('signIn.staffTab'))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="card">
        {tab === 'citizen' ? (
          <CitizenSignIn onSignedIn={onSignedIn} />
        ) : (
          <StaffSignIn onSignedIn={onSignedIn} />
        )}
      </div>
    </section>
  );
}
