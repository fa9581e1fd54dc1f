import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Action } from '@phongdich/contracts';
import { useAuth } from './AuthContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { ApiError } from '../api/client';
import { ERRORS } from '@phongdich/contracts';

/** Guards a page: signed-out users go to sign-in (and come back); missing permission shows FORBIDDEN. */
export function RequireAuth({ action, children }: { action?: Action; children: ReactNode }) {
  const { me, can } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (me === undefined) return <p role="status">{t('app.loading')}</p>;
  // The fragment comes back too: a poster link carries the venue token there (/checkin#PD1:V:…).
  if (me === null)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.hash }} />;
  if (action && !can(action)) {
    return <ErrorBanner error={new ApiError(403, 'FORBIDDEN', ERRORS.FORBIDDEN)} />;
  }
  return <>{children}</>;
}
