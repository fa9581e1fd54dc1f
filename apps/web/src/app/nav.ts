import type { Me } from '../api/types';
import type { Action } from '@phongdich/contracts';

export type NavKey =
  | 'settings'
  | 'testingSessions'
  | 'sampling'
  | 'shipments'
  | 'labReceive'
  | 'labEntry'
  | 'labUpload'
  | 'labVerify'
  | 'labCorrect'
  | 'revokeCertificates'
  | 'testingFigures'
  | 'myResults'
  | 'verify'
  | 'home'
  | 'me'
  | 'declare'
  | 'declareVisitor'
  | 'people'
  | 'newPerson'
  | 'worklist'
  | 'identityClaims'
  | 'holds'
  | 'myVenues'
  | 'venues'
  | 'figures'
  | 'units'
  | 'unitReviews'
  | 'unitMove'
  | 'audit'
  | 'deadEvents'
  | 'accounts'
  | 'scan'
  | 'myQr'
  | 'checkin'
  | 'myCheckins'
  | 'qrCards'
  | 'myVaccination'
  | 'vaccinationSite'
  | 'vaccineCatalogue'
  | 'vaccinationImport'
  | 'vaccinationInvite'
  | 'vaccinationCorrections'
  | 'trustList'
  | 'cases'
  | 'newCase'
  | 'homeCare'
  | 'myIsolation'
  | 'tracing'
  | 'tracingChain'
  | 'tracingNamed'
  | 'tracingClusters'
  | 'myExposures'
  | 'vaccinationFigures';

/** The task a page serves: the menu shows one heading per group. */
export type NavGroup = 'mine' | 'venue' | 'people' | 'testing' | 'area' | 'admin';
const GROUP_ORDER: NavGroup[] = ['mine', 'venue', 'people', 'testing', 'area', 'admin'];

export interface NavItem {
  key: NavKey;
  to: string;
  group: NavGroup;
}

const GROUP_OF: Record<NavKey, NavGroup> = {
  home: 'mine',
  me: 'mine',
  myQr: 'mine',
  checkin: 'mine',
  myCheckins: 'mine',
  declare: 'mine',
  myResults: 'mine',
  scan: 'venue',
  qrCards: 'mine',
  myVenues: 'venue',
  venues: 'venue',
  figures: 'venue',
  people: 'people',
  newPerson: 'people',
  worklist: 'people',
  identityClaims: 'people',
  holds: 'people',
  declareVisitor: 'people',
  verify: 'people',
  testingSessions: 'testing',
  sampling: 'testing',
  shipments: 'testing',
  labReceive: 'testing',
  labEntry: 'testing',
  labUpload: 'testing',
  labVerify: 'testing',
  labCorrect: 'testing',
  revokeCertificates: 'testing',
  testingFigures: 'testing',
  units: 'area',
  unitReviews: 'area',
  unitMove: 'admin',
  audit: 'admin',
  deadEvents: 'admin',
  accounts: 'admin',
  settings: 'admin',
  myVaccination: 'mine',
  vaccinationSite: 'people',
  vaccineCatalogue: 'admin',
  vaccinationImport: 'people',
  vaccinationInvite: 'people',
  vaccinationCorrections: 'people',
  trustList: 'admin',
  cases: 'people',
  newCase: 'people',
  homeCare: 'people',
  myIsolation: 'mine',
  tracing: 'people',
  tracingChain: 'people',
  tracingNamed: 'people',
  tracingClusters: 'people',
  myExposures: 'mine',
  vaccinationFigures: 'area',
};

const ITEMS: { key: NavKey; to: string; allowed: (me: Me, can: (a: Action) => boolean) => boolean }[] = [
  { key: 'home', to: '/', allowed: () => true },
  { key: 'me', to: '/me', allowed: (me) => me.kind === 'citizen' },
  { key: 'myQr', to: '/my-qr', allowed: (me) => me.kind === 'citizen' },
  { key: 'checkin', to: '/checkin', allowed: (me) => me.kind === 'citizen' },
  { key: 'myCheckins', to: '/my-checkins', allowed: (me) => me.kind === 'citizen' },
  // Venue staff sign in as citizens: a citizen sees the scanner only when they own or staff a point.
  {
    key: 'scan',
    to: '/scan',
    allowed: (me, can) => (me.kind === 'citizen' ? me.staffsVenue : can('scan.resolve')),
  },
  { key: 'qrCards', to: '/qr-cards', allowed: (_, can) => can('qrCard.manage') },
  {
    key: 'declare',
    to: '/declare',
    allowed: (me, can) => me.kind === 'citizen' && can('declaration.submit'),
  },
  {
    key: 'declareVisitor',
    to: '/declare/visitor',
    allowed: (me, can) => me.kind !== 'citizen' && can('declaration.submit'),
  },
  { key: 'myResults', to: '/my-results', allowed: (_, can) => can('results.readOwn') },
  { key: 'myExposures', to: '/my-exposures', allowed: (_, can) => can('contact.readOwn') },
  { key: 'myVaccination', to: '/vaccination/mine', allowed: (_, can) => can('vaccination.readOwn') },
  { key: 'myIsolation', to: '/my-case', allowed: (_, can) => can('case.readOwn') },
  { key: 'vaccinationSite', to: '/vaccination/site', allowed: (_, can) => can('vaccination.administer') },
  { key: 'vaccinationImport', to: '/vaccination/imports', allowed: (_, can) => can('vaccination.import') },
  {
    key: 'vaccinationInvite',
    to: '/vaccination/invitations',
    allowed: (_, can) => can('vaccination.import'),
  },
  {
    key: 'vaccinationCorrections',
    to: '/vaccination/corrections',
    allowed: (_, can) => can('vaccination.correction.review'),
  },
  { key: 'testingSessions', to: '/testing/sessions', allowed: (_, can) => can('testing.session.manage') },
  { key: 'sampling', to: '/sampling', allowed: (_, can) => can('testing.sample') },
  { key: 'shipments', to: '/testing/shipments', allowed: (_, can) => can('testing.ship') },
  { key: 'labReceive', to: '/lab/receive', allowed: (_, can) => can('testing.receive') },
  { key: 'labEntry', to: '/lab/results', allowed: (_, can) => can('lab.result.enter') },
  { key: 'labUpload', to: '/lab/uploads', allowed: (_, can) => can('lab.upload') },
  { key: 'labVerify', to: '/lab/verify', allowed: (_, can) => can('lab.result.verify') },
  { key: 'labCorrect', to: '/lab/corrections', allowed: (_, can) => can('lab.result.verify') },
  { key: 'revokeCertificates', to: '/certificates/revoke', allowed: (_, can) => can('certificate.revoke') },
  { key: 'testingFigures', to: '/testing/figures', allowed: (_, can) => can('testing.figures') },
  { key: 'verify', to: '/verify', allowed: (me) => me.kind !== 'citizen' },
  { key: 'people', to: '/people', allowed: (_, can) => can('person.search') },
  { key: 'newPerson', to: '/people/new', allowed: (_, can) => can('person.create') },
  { key: 'worklist', to: '/worklist', allowed: (_, can) => can('worklist.read') },
  { key: 'identityClaims', to: '/identity-claims', allowed: (_, can) => can('person.merge') },
  { key: 'cases', to: '/cases', allowed: (_, can) => can('case.read') },
  { key: 'newCase', to: '/cases/new', allowed: (_, can) => can('case.manage') },
  { key: 'homeCare', to: '/cases/home-care', allowed: (_, can) => can('case.homeCare') },
  { key: 'holds', to: '/holds', allowed: (_, can) => can('checkin.hold') },
  { key: 'tracing', to: '/tracing', allowed: (_, can) => can('contact.read') },
  { key: 'tracingChain', to: '/tracing/chain', allowed: (_, can) => can('contact.read') },
  { key: 'tracingNamed', to: '/tracing/named', allowed: (_, can) => can('contact.manage') },
  { key: 'tracingClusters', to: '/tracing/clusters', allowed: (_, can) => can('cluster.read') },
  // Owners and staff of check-in points sign in as citizens (or as venue managers).
  {
    key: 'myVenues',
    to: '/venues/mine',
    allowed: (me, can) => can('venue.manage') && (me.kind === 'citizen' || me.role === 'venue_manager'),
  },
  { key: 'venues', to: '/venues', allowed: (_, can) => can('venue.read') },
  { key: 'figures', to: '/figures', allowed: (_, can) => can('stats.readAggregates') },
  { key: 'vaccinationFigures', to: '/vaccination/figures', allowed: (_, can) => can('stats.readAggregates') },
  { key: 'units', to: '/units', allowed: (me, can) => me.kind !== 'citizen' && can('unit.read') },
  { key: 'unitReviews', to: '/units/reviews', allowed: (_, can) => can('units.review') },
  { key: 'unitMove', to: '/admin/units/move', allowed: (_, can) => can('units.move') },
  { key: 'audit', to: '/audit', allowed: (_, can) => can('audit.read') },
  { key: 'deadEvents', to: '/admin/events', allowed: (_, can) => can('events.manage') },
  {
    key: 'vaccineCatalogue',
    to: '/vaccination/catalogue',
    allowed: (_, can) => can('vaccination.catalogue.manage'),
  },
  { key: 'trustList', to: '/settings/trust-list', allowed: (_, can) => can('trustlist.manage') },
  { key: 'accounts', to: '/admin/accounts', allowed: (_, can) => can('account.manage') },
  { key: 'settings', to: '/settings', allowed: (me) => me.kind === 'staff' },
];

/** The pages this account may use, from the permissions the server reports in /api/auth/me. */
export function navFor(me: Me): NavItem[] {
  const can = (a: Action) => me.permissions.includes(a);
  return ITEMS.filter((i) => i.allowed(me, can)).map(({ key, to }) => ({ key, to, group: GROUP_OF[key] }));
}

/** The same pages sorted into task groups, in a fixed order, empty groups left out. */
export function navGroupsFor(me: Me): { group: NavGroup; items: NavItem[] }[] {
  const items = navFor(me);
  return GROUP_ORDER.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter(
    (g) => g.items.length > 0,
  );
}
