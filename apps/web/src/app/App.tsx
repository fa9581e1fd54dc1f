import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Layout } from './Layout';
import { RequireAuth } from '../auth/RequireAuth';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/home/HomePage';
import { NotFoundPage } from '../features/errors/NotFoundPage';

// Officer and admin pages load on demand, so a citizen's phone downloads only what it shows.
const DevInboxPage = lazy(() => import('../features/dev/DevInboxPage'));
const PeopleSearchPage = lazy(() => import('../features/people/PeopleSearchPage'));
const PersonCreatePage = lazy(() => import('../features/people/PersonCreatePage'));
const PersonDetailPage = lazy(() => import('../features/people/PersonDetailPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage'));
const MyRecordPage = lazy(() => import('../features/citizen/MyRecordPage'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}

const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/dev/inbox" element={page(<DevInboxPage />)} />
        <Route
          path="/"
          element={
            <RequireAuth>
              <HomePage />
            </RequireAuth>
          }
        />
        <Route path="/me" element={<RequireAuth>{page(<MyRecordPage />)}</RequireAuth>} />
        <Route
          path="/people"
          element={<RequireAuth action="person.search">{page(<PeopleSearchPage />)}</RequireAuth>}
        />
        <Route
          path="/people/new"
          element={<RequireAuth action="person.create">{page(<PersonCreatePage />)}</RequireAuth>}
        />
        <Route
          path="/people/:id"
          element={<RequireAuth action="person.read">{page(<PersonDetailPage />)}</RequireAuth>}
        />
        <Route path="/units" element={<RequireAuth action="unit.read">{page(<UnitsPage />)}</RequireAuth>} />
        <Route path="/audit" element={<RequireAuth action="audit.read">{page(<AuditPage />)}</RequireAuth>} />
        <Route
          path="/admin/accounts"
          element={<RequireAuth action="account.manage">{page(<AccountsPage />)}</RequireAuth>}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
