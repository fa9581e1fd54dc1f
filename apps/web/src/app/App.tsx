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
const IdentityClaimsPage = lazy(() => import('../features/people/IdentityClaimsPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const UnitMovePage = lazy(() => import('../features/units/UnitMovePage'));
const UnitReviewsPage = lazy(() => import('../features/units/UnitReviewsPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const WorklistPage = lazy(() => import('../features/worklist/WorklistPage'));
const HoldsPage = lazy(() => import('../features/holds/HoldsPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const DeadEventsPage = lazy(() => import('../features/events/DeadEventsPage'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage'));
const MyRecordPage = lazy(() => import('../features/citizen/MyRecordPage'));
const FamilyMemberPage = lazy(() => import('../features/citizen/FamilyMemberPage'));
const QrCardsPrintPage = lazy(() => import('../features/citizen/QrCardsPrintPage'));
const ScannerPage = lazy(() => import('../features/scanner/ScannerPage'));
const MyQrPage = lazy(() => import('../features/checkin/MyQrPage'));
const CheckinPage = lazy(() => import('../features/checkin/CheckinPage'));
const MyCheckinsPage = lazy(() => import('../features/checkin/MyCheckinsPage'));
const QrCardsPage = lazy(() => import('../features/checkin/QrCardsPage'));
const DeclarePage = lazy(() => import('../features/declarations/DeclarePage'));
const VisitorDeclarePage = lazy(() => import('../features/declarations/VisitorDeclarePage'));

const MyVenuesPage = lazy(() => import('../features/venues/MyVenuesPage'));
const RegisterVenuePage = lazy(() => import('../features/venues/RegisterVenuePage'));
const VenueDetailPage = lazy(() => import('../features/venues/VenueDetailPage'));
const OfficerVenuesPage = lazy(() => import('../features/venues/OfficerVenuesPage'));
const FiguresPage = lazy(() => import('../features/figures/FiguresPage'));

const LabEntryPage = lazy(() => import('../features/lab/LabEntryPage'));
const LabUploadPage = lazy(() => import('../features/lab/LabUploadPage'));
const LabVerifyPage = lazy(() => import('../features/lab/LabVerifyPage'));
const LabCorrectionPage = lazy(() => import('../features/lab/LabCorrectionPage'));
const RevokeCertificatePage = lazy(() => import('../features/verify/RevokeCertificatePage'));
const TestingFiguresPage = lazy(() => import('../features/lab/TestingFiguresPage'));
const MyResultsPage = lazy(() => import('../features/results/MyResultsPage'));
const MyVaccinationPage = lazy(() => import('../features/vaccination/MyVaccinationPage'));
const VaccinatorPage = lazy(() => import('../features/vaccination/VaccinatorPage'));
const CataloguePage = lazy(() => import('../features/vaccination/CataloguePage'));
const VaccinationImportPage = lazy(() => import('../features/vaccination/vaccination-import-page'));
const InvitationsPage = lazy(() => import('../features/vaccination/InvitationsPage'));
const CorrectionsReviewPage = lazy(() => import('../features/vaccination/CorrectionsReviewPage'));
const TrustListPage = lazy(() => import('../features/verify/TrustListPage'));
const CasesPage = lazy(() => import('../features/cases/CasesPage'));
const CasePage = lazy(() => import('../features/cases/CasePage'));
const NewCasePage = lazy(() => import('../features/cases/NewCasePage'));
const MyIsolationPage = lazy(() => import('../features/cases/MyIsolationPage'));
const HomeCarePage = lazy(() => import('../features/cases/HomeCarePage'));
const TracingPage = lazy(() => import('../features/tracing/TracingPage'));
const CaseContactsPage = lazy(() => import('../features/tracing/CaseContactsPage'));
const ChainGraphPage = lazy(() => import('../features/tracing/ChainGraphPage'));
const NamedWaitingPage = lazy(() => import('../features/tracing/NamedWaitingPage'));
const ClustersPage = lazy(() => import('../features/tracing/ClustersPage'));
const ClusterPage = lazy(() => import('../features/tracing/ClusterPage'));
const MyExposuresPage = lazy(() => import('../features/tracing/MyExposuresPage'));
const CoveragePage = lazy(() => import('../features/vaccination/CoveragePage'));
const VerifyPage = lazy(() => import('../features/verify/VerifyPage'));
const SessionsPage = lazy(() => import('../features/sampling/SessionsPage'));
const SessionDetailPage = lazy(() => import('../features/sampling/SessionDetailPage'));
const SamplerPage = lazy(() => import('../features/sampling/SamplerPage'));
const ShipmentsPage = lazy(() => import('../features/sampling/ShipmentsPage'));
const LabReceivePage = lazy(() => import('../features/sampling/LabReceivePage'));

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
        <Route path="/me/family/:id" element={<RequireAuth>{page(<FamilyMemberPage />)}</RequireAuth>} />
        <Route
          path="/me/qr-cards"
          element={<RequireAuth action="qr.personal">{page(<QrCardsPrintPage />)}</RequireAuth>}
        />
        <Route path="/scan" element={<RequireAuth>{page(<ScannerPage />)}</RequireAuth>} />
        <Route path="/my-qr" element={<RequireAuth action="qr.personal">{page(<MyQrPage />)}</RequireAuth>} />
        <Route path="/checkin" element={<RequireAuth>{page(<CheckinPage />)}</RequireAuth>} />
        <Route path="/my-checkins" element={<RequireAuth>{page(<MyCheckinsPage />)}</RequireAuth>} />
        <Route
          path="/qr-cards"
          element={<RequireAuth action="qrCard.manage">{page(<QrCardsPage />)}</RequireAuth>}
        />
        <Route
          path="/declare"
          element={<RequireAuth action="declaration.submit">{page(<DeclarePage />)}</RequireAuth>}
        />
        <Route
          path="/declare/visitor"
          element={<RequireAuth action="declaration.submit">{page(<VisitorDeclarePage />)}</RequireAuth>}
        />
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
        <Route
          path="/identity-claims"
          element={<RequireAuth action="person.merge">{page(<IdentityClaimsPage />)}</RequireAuth>}
        />
        <Route
          path="/worklist"
          element={<RequireAuth action="worklist.read">{page(<WorklistPage />)}</RequireAuth>}
        />
        <Route
          path="/holds"
          element={<RequireAuth action="checkin.hold">{page(<HoldsPage />)}</RequireAuth>}
        />
        <Route path="/settings" element={<RequireAuth>{page(<SettingsPage />)}</RequireAuth>} />
        <Route path="/units" element={<RequireAuth action="unit.read">{page(<UnitsPage />)}</RequireAuth>} />
        <Route
          path="/admin/units/move"
          element={<RequireAuth action="units.move">{page(<UnitMovePage />)}</RequireAuth>}
        />
        <Route
          path="/units/reviews"
          element={<RequireAuth action="units.review">{page(<UnitReviewsPage />)}</RequireAuth>}
        />
        <Route path="/audit" element={<RequireAuth action="audit.read">{page(<AuditPage />)}</RequireAuth>} />
        <Route
          path="/admin/events"
          element={<RequireAuth action="events.manage">{page(<DeadEventsPage />)}</RequireAuth>}
        />
        <Route
          path="/admin/accounts"
          element={<RequireAuth action="account.manage">{page(<AccountsPage />)}</RequireAuth>}
        />
        <Route
          path="/venues/mine"
          element={<RequireAuth action="venue.manage">{page(<MyVenuesPage />)}</RequireAuth>}
        />
        <Route
          path="/venues/new"
          element={<RequireAuth action="venue.register">{page(<RegisterVenuePage />)}</RequireAuth>}
        />
        <Route
          path="/venues/:id"
          element={<RequireAuth action="venue.manage">{page(<VenueDetailPage />)}</RequireAuth>}
        />
        <Route
          path="/venues"
          element={<RequireAuth action="venue.read">{page(<OfficerVenuesPage />)}</RequireAuth>}
        />
        <Route
          path="/figures"
          element={<RequireAuth action="stats.readAggregates">{page(<FiguresPage />)}</RequireAuth>}
        />
        <Route path="/verify" element={page(<VerifyPage />)} />
        <Route
          path="/my-results"
          element={<RequireAuth action="results.readOwn">{page(<MyResultsPage />)}</RequireAuth>}
        />
        <Route
          path="/vaccination/mine"
          element={<RequireAuth action="vaccination.readOwn">{page(<MyVaccinationPage />)}</RequireAuth>}
        />
        <Route
          path="/tracing"
          element={<RequireAuth action="contact.read">{page(<TracingPage />)}</RequireAuth>}
        />
        <Route
          path="/tracing/cases/:id"
          element={<RequireAuth action="contact.read">{page(<CaseContactsPage />)}</RequireAuth>}
        />
        <Route
          path="/tracing/clusters"
          element={<RequireAuth action="cluster.read">{page(<ClustersPage />)}</RequireAuth>}
        />
        <Route
          path="/tracing/clusters/:id"
          element={<RequireAuth action="cluster.read">{page(<ClusterPage />)}</RequireAuth>}
        />
        <Route
          path="/tracing/named"
          element={<RequireAuth action="contact.manage">{page(<NamedWaitingPage />)}</RequireAuth>}
        />
        <Route
          path="/tracing/chain"
          element={<RequireAuth action="contact.read">{page(<ChainGraphPage />)}</RequireAuth>}
        />
        <Route
          path="/my-exposures"
          element={<RequireAuth action="contact.readOwn">{page(<MyExposuresPage />)}</RequireAuth>}
        />
        <Route
          path="/vaccination/catalogue"
          element={<RequireAuth action="vaccination.catalogue.manage">{page(<CataloguePage />)}</RequireAuth>}
        />
        <Route path="/cases" element={<RequireAuth action="case.read">{page(<CasesPage />)}</RequireAuth>} />
        <Route
          path="/cases/home-care"
          element={<RequireAuth action="case.homeCare">{page(<HomeCarePage />)}</RequireAuth>}
        />
        <Route
          path="/cases/new"
          element={<RequireAuth action="case.manage">{page(<NewCasePage />)}</RequireAuth>}
        />
        <Route
          path="/cases/:id"
          element={<RequireAuth action="case.read">{page(<CasePage />)}</RequireAuth>}
        />
        <Route
          path="/my-case"
          element={<RequireAuth action="case.readOwn">{page(<MyIsolationPage />)}</RequireAuth>}
        />
        <Route
          path="/vaccination/imports"
          element={<RequireAuth action="vaccination.import">{page(<VaccinationImportPage />)}</RequireAuth>}
        />
        <Route
          path="/vaccination/invitations"
          element={<RequireAuth action="vaccination.import">{page(<InvitationsPage />)}</RequireAuth>}
        />
        <Route
          path="/vaccination/corrections"
          element={
            <RequireAuth action="vaccination.correction.review">
              {page(<CorrectionsReviewPage />)}
            </RequireAuth>
          }
        />
        <Route
          path="/settings/trust-list"
          element={<RequireAuth action="trustlist.manage">{page(<TrustListPage />)}</RequireAuth>}
        />
        <Route
          path="/vaccination/site"
          element={<RequireAuth action="vaccination.administer">{page(<VaccinatorPage />)}</RequireAuth>}
        />
        <Route
          path="/vaccination/figures"
          element={<RequireAuth action="stats.readAggregates">{page(<CoveragePage />)}</RequireAuth>}
        />
        <Route
          path="/lab/results"
          element={<RequireAuth action="lab.result.enter">{page(<LabEntryPage />)}</RequireAuth>}
        />
        <Route
          path="/lab/uploads"
          element={<RequireAuth action="lab.upload">{page(<LabUploadPage />)}</RequireAuth>}
        />
        <Route
          path="/lab/verify"
          element={<RequireAuth action="lab.result.verify">{page(<LabVerifyPage />)}</RequireAuth>}
        />
        <Route
          path="/lab/corrections"
          element={<RequireAuth action="lab.result.verify">{page(<LabCorrectionPage />)}</RequireAuth>}
        />
        <Route
          path="/certificates/revoke"
          element={<RequireAuth action="certificate.revoke">{page(<RevokeCertificatePage />)}</RequireAuth>}
        />
        <Route
          path="/testing/figures"
          element={<RequireAuth action="testing.figures">{page(<TestingFiguresPage />)}</RequireAuth>}
        />
        <Route
          path="/testing/sessions"
          element={<RequireAuth action="testing.session.manage">{page(<SessionsPage />)}</RequireAuth>}
        />
        <Route
          path="/testing/sessions/:id"
          element={<RequireAuth action="testing.session.manage">{page(<SessionDetailPage />)}</RequireAuth>}
        />
        <Route
          path="/sampling"
          element={<RequireAuth action="testing.sample">{page(<SamplerPage />)}</RequireAuth>}
        />
        <Route
          path="/testing/shipments"
          element={<RequireAuth action="testing.ship">{page(<ShipmentsPage />)}</RequireAuth>}
        />
        <Route
          path="/lab/receive"
          element={<RequireAuth action="testing.receive">{page(<LabReceivePage />)}</RequireAuth>}
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
