import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Action } from '@phongdich/contracts';

/**
 * What the path's `:id` names, when it is a record with a home area: the route must decide on the
 * record's location (not only the actor's role).
 */
export type RouteTarget = 'person' | 'declaration' | 'declarationHold' | 'worklistItem' | 'venue' | 'case';

/**
 * Every `/api` route declares who may call it. The route matrix test (route-matrix.db.test.ts) reads
 * the route table of the built app and fails on a route missing here, then checks every route against
 * every kind of account on real records.
 * - `action`: the policy action the service authorizes (core/auth/policy.ts); `on` when the path names a
 *   record with an area; `masked` when staff of the action's roles outside the area get a masked view
 *   instead of a refusal; `citizenOwn` when a citizen may also call it about their own records;
 *   `inArea` when the record named in the body must lie in a staff caller's area.
 * - `citizen`: only a citizen, about themselves and their declared family.
 * - `signedIn`: any signed-in account, about its own account or session.
 * - `public`: no account needed, with the reason.
 */
export type RoutePolicy =
  | {
      action: Action;
      on?: RouteTarget;
      masked?: true;
      citizenOwn?: true;
      /** The service also keeps staff to records of their area, though the action alone does not. */
      inArea?: true;
      /** A second action that also opens the route (e.g. lab staff reading shipments to their lab). */
      or?: Action;
      /** Staff of the check-in point named (by path or body) may also call it. */
      venueStaff?: true;
      /** Only the point's owner or staff, not the officers who may read it. */
      ownerOnly?: true;
      note?: string;
    }
  | { citizen: string }
  | { signedIn: string }
  | { public: string };

// prettier-ignore
export const ROUTE_POLICIES: Record<string, RoutePolicy> = {
  'GET /api/openapi.json': { public: 'the API description, no data' },
  'GET /api/health': { public: 'load balancers probe it' },
  'GET /api/keys/:purpose': { public: 'public keys, so codes verify offline' },
  'GET /api/keys/revocations': { public: 'revoked key ids, so codes verify offline' },
  'POST /api/keys/:purpose/rotate': { action: 'keys.manage' },
  // vacccert (issue #12 §6): trust lists of document signers
  'GET /api/keys/dcc/trust-list': { public: 'our document-signer certificates, for other countries’ verifiers' },
  'GET /api/keys/dcc/signers': { public: 'every trusted signer’s public key, so certificates verify offline' },
  'GET /api/trust-list': { action: 'trustlist.manage', note: 'national; no personal data' },
  'POST /api/trust-list/imports': { action: 'trustlist.manage', note: 'national; all of a file or none, audited' },
  'POST /api/trust-list/:id/remove': { action: 'trustlist.manage', note: 'national; audited' },
  'GET /api/admin/events/dead': { action: 'events.manage', note: 'types, attempts and errors; never a payload' },
  'POST /api/admin/events/:id/retry': { action: 'events.manage' },
  'GET /api/worklist': { action: 'worklist.read' },
  'GET /api/worklist/summary': { action: 'worklist.read', note: 'counts of the caller’s area only, no person' },
  'PATCH /api/worklist/:id': { action: 'worklist.update', on: 'worklistItem' },
  'GET /api/units': { action: 'unit.read' },
  'GET /api/units/:code': { action: 'unit.read' },
  'GET /api/units/:code/children': { action: 'unit.read' },
  'GET /api/units/move': { action: 'units.move' },
  'POST /api/units/move': { action: 'units.move' },
  'GET /api/units/move/reviews': { action: 'units.review', note: 'items of the officer’s new province only' },
  'POST /api/units/move/reviews/:id/resolve': { action: 'units.review', note: 'only an item of the officer’s new province; not found otherwise' },
  'GET /api/dev/inbox': { action: 'outbox.readDevInbox', note: 'absent in production (config)' },
  'POST /api/auth/login': { public: 'signing in' },
  'POST /api/auth/otp/request': { public: 'signing in (rate limited)' },
  'POST /api/auth/otp/verify': { public: 'signing in (rate limited)' },
  'POST /api/auth/logout': { public: 'ends the caller’s session, if any' },
  'GET /api/auth/me': { signedIn: 'who the caller is' },
  'POST /api/auth/totp/setup': { signedIn: 'the caller’s own second factor' },
  'POST /api/auth/totp/enable': { signedIn: 'the caller’s own second factor' },
  'POST /api/auth/password': { signedIn: 'the caller’s own password' },
  'GET /api/accounts': { action: 'account.manage' },
  'POST /api/accounts': { action: 'account.manage', inArea: true },
  'PATCH /api/accounts/:id': { action: 'account.manage' },
  'POST /api/accounts/:id/reset-password': { action: 'account.manage' },
  'POST /api/accounts/:id/tokens': { action: 'account.manage' },
  'DELETE /api/accounts/:id/tokens/:tokenId': { action: 'account.manage' },
  'GET /api/audit': { action: 'audit.read' },
  'POST /api/audit/search': { action: 'audit.read', note: 'filters by name or ID number in the body, never the URL' },
  'GET /api/audit/heads': { public: 'signed chain heads: no personal data, meant to be copied away from the database (rate limited)' },
  'GET /api/audit/export': { action: 'audit.export' },
  'POST /api/audit/export': { action: 'audit.export', note: 'the search filters, names and ID numbers in the body' },
  'GET /api/audit/verify': { action: 'audit.read' },
  'POST /api/people/search': { action: 'person.search', masked: true },
  'GET /api/people/:id': { action: 'person.read', on: 'person', masked: true, citizenOwn: true },
  'PATCH /api/people/:id': { action: 'person.update', on: 'person' },
  'POST /api/people/:id/break-glass': { action: 'person.breakGlass', on: 'person' },
  'POST /api/people': { action: 'person.create', inArea: true },
  'GET /api/people/:id/duplicates': { action: 'person.read', on: 'person' },
  'POST /api/people/:id/merge': { action: 'person.merge', on: 'person' },
  'GET /api/people/:id/history': { action: 'person.read', on: 'person' },
  'GET /api/identity-claims': { action: 'person.merge', note: 'claims on records of the officer’s area only' },
  'GET /api/identity-claims/:id': { action: 'person.merge', note: 'a claim on a record of the officer’s area; not found otherwise; the holder masked outside it' },
  'POST /api/identity-claims/:id/resolve': { action: 'person.merge', note: 'a claim on a record of the officer’s area; not found otherwise' },
  'GET /api/me/person': { citizen: 'the citizen’s own record and family' },
  'POST /api/me/person': { citizen: 'the citizen’s own record' },
  'PATCH /api/me/person': { citizen: 'the caller’s own record' },
  'POST /api/me/family': { citizen: 'a dependant of the citizen' },
  'GET /api/me/qr': { action: 'qr.personal' },
  'POST /api/qr-cards/batches': { action: 'qrCard.manage', inArea: true },
  'GET /api/qr-cards/batches': { action: 'qrCard.manage' },
  'GET /api/qr-cards/batches/:id/cards.pdf': { action: 'qrCard.manage' },
  'POST /api/qr-cards/:tokenId/revoke': { action: 'qrCard.manage' },
  'POST /api/scan/resolve': { action: 'scan.resolve', masked: true },
  'GET /api/people/:id/status': { action: 'status.read', on: 'person' },
  'GET /api/people/:id/results': { action: 'person.read', on: 'person' },
  'GET /api/status/rules': { public: 'the colour rules in force, no data' },
  'GET /api/declarations/questions': { public: 'the question set, no data' },
  'POST /api/declarations': { action: 'declaration.submit', inArea: true, citizenOwn: true, note: 'by personId; visitors by card' },
  'GET /api/me/declarations': { citizen: 'the citizen’s own and family’s declarations' },
  'GET /api/declarations/:id': { action: 'declaration.read', on: 'declaration', citizenOwn: true },
  'GET /api/people/:id/declarations': { action: 'declaration.read', on: 'person' },
  'POST /api/people/:id/declaration-holds': { action: 'declaration.hold', on: 'person' },
  'GET /api/people/:id/declaration-holds': { action: 'declaration.hold', on: 'person' },
  'GET /api/declaration-holds': { action: 'declaration.hold' },
  'POST /api/declaration-holds/:id/release': { action: 'declaration.hold', on: 'declarationHold' },
  'POST /api/checkins': { action: 'checkin.create' },
  'POST /api/checkins/staff': { action: 'checkin.record', inArea: true, venueStaff: true },
  'POST /api/checkins/batch': { signedIn: 'each item is checked as its own check-in or check-out' },
  'POST /api/checkins/:id/checkout': { signedIn: 'the check-in’s recorder, family, point staff or officers of its area' },
  'POST /api/checkins/at-venue': { action: 'checkin.trace', masked: true },
  'POST /api/checkins/of-person': { action: 'checkin.trace', masked: true },
  'GET /api/me/checkins': { action: 'checkin.create' },
  'POST /api/people/:id/checkin-holds': { action: 'checkin.hold', on: 'person' },
  'POST /api/venues/:id/checkin-holds': { action: 'checkin.hold', on: 'venue' },
  'GET /api/checkin-holds': { action: 'checkin.hold' },
  'POST /api/checkin-holds/:id/release': { action: 'checkin.hold' },
  'GET /api/venues/kinds': { public: 'the kinds of check-in point, no data' },
  'POST /api/venues': { action: 'venue.register' },
  'GET /api/venues': { action: 'venue.read' },
  'GET /api/me/venues': { action: 'venue.manage' },
  'GET /api/venues/:id': { action: 'venue.manage', on: 'venue', note: 'owner, staff or officer of the area' },
  'GET /api/venues/:id/children': { action: 'venue.manage', on: 'venue' },
  'POST /api/venues/:id/children': { action: 'venue.manage', on: 'venue', ownerOnly: true },
  'POST /api/venues/:id/approve': { action: 'venue.review', on: 'venue' },
  'POST /api/venues/:id/reject': { action: 'venue.review', on: 'venue' },
  'GET /api/pending-identities': { action: 'person.create', note: 'filtered to the caller’s area' },
  'POST /api/pending-identities/:id/confirm': { action: 'person.create', inArea: true },
  'POST /api/pending-identities/:id/merge': { action: 'person.merge', inArea: true },
  'POST /api/venues/:id/suspend': { action: 'venue.review', on: 'venue' },
  'POST /api/venues/:id/reactivate': { action: 'venue.review', on: 'venue' },
  'GET /api/venues/:id/qr': { action: 'venue.manage', on: 'venue' },
  'GET /api/venues/:id/poster.pdf': { action: 'venue.manage', on: 'venue' },
  'POST /api/venues/posters.pdf': { action: 'venue.manage' },
  'GET /api/venues/:id/children/posters.pdf': { action: 'venue.manage', on: 'venue' },
  'GET /api/venues/:id/staff': { action: 'venue.manage', on: 'venue' },
  'POST /api/venues/:id/staff': { action: 'venue.manage', on: 'venue', ownerOnly: true },
  'POST /api/venues/:id/staff/remove': { action: 'venue.manage', on: 'venue', ownerOnly: true },
  'GET /api/figures/checkins': { action: 'stats.readAggregates', inArea: true },
  'GET /api/venues/:id/figures': { action: 'venue.manage', on: 'venue' },
  'POST /api/lab/results': { action: 'lab.result.enter', note: 'scoped to the account’s lab' },
  'GET /api/lab/results/pending': { action: 'lab.result.enter', note: 'scoped to the account’s lab' },
  'POST /api/lab/results/verify': { action: 'lab.result.verify', note: 'scoped to the account’s lab' },
  'PUT /api/lab/mappings': { action: 'lab.upload', note: 'scoped to the account’s lab' },
  'GET /api/lab/mappings': { action: 'lab.upload', note: 'scoped to the account’s lab' },
  'GET /api/lab/uploads/:id': { action: 'lab.upload', note: 'scoped to the account’s lab' },
  'POST /api/lab/uploads': { action: 'lab.upload', note: 'scoped to the account’s lab' },
  'GET /api/testing/figures': { action: 'testing.figures' },
  'GET /api/me/results': { action: 'results.readOwn' },
  'GET /api/me/results/:id/certificate': { action: 'results.readOwn' },
  'GET /api/me/results/:id/certificate.pdf': { action: 'results.readOwn' },
  'POST /api/certificates/verify': { action: 'certificate.verify' },
  'POST /api/certificates/:uvci/revoke': { action: 'certificate.revoke' },
  'POST /api/certificates/lookup': { action: 'certificate.revoke', inArea: true },
  'POST /api/certificates/revoke': { action: 'certificate.revoke', inArea: true },
  // vaccination (issue #12)
  'GET /api/vaccination/catalogue': { action: 'vaccination.catalogue.read', note: 'products and rules, no personal data' },
  'POST /api/vaccination/catalogue': { action: 'vaccination.catalogue.manage', note: 'a new version, never an in-place change' },
  'GET /api/vaccination/sites': { action: 'vaccination.site.read', note: 'sites of the caller’s area; a vaccinator’s own site' },
  'POST /api/vaccination/sites': { action: 'vaccination.site.manage', inArea: true },
  'GET /api/vaccination/sites/:id/lots': { action: 'vaccination.site.read', note: 'the site must be the vaccinator’s or in the officer’s area' },
  'POST /api/vaccination/sites/:id/lots': { action: 'vaccination.site.manage', note: 'the site must be in the officer’s area' },
  'GET /api/vaccination/sites/:id/day': { action: 'vaccination.site.read', note: 'the site must be the vaccinator’s or in the officer’s area' },
  'GET /api/vaccination/sites/:id/people/:personId': { action: 'vaccination.administer', note: 'the vaccinator’s own site; people come from anywhere' },
  'POST /api/vaccination/campaigns': { action: 'vaccination.site.manage', inArea: true },
  'POST /api/vaccination/campaigns/:id/slots': { action: 'vaccination.site.manage', note: 'the site must be in the officer’s area' },
  'GET /api/vaccination/slots': { action: 'vaccination.book', note: 'free seats only, no personal data' },
  'POST /api/vaccination/bookings': { action: 'vaccination.book', citizenOwn: true, inArea: true, note: 'the citizen or a declared family member' },
  'GET /api/vaccination/bookings/mine': { action: 'vaccination.readOwn' },
  'GET /api/vaccination/mine': { action: 'vaccination.readOwn' },
  'GET /api/vaccination/mine/:personId/certificate.pdf': { action: 'vaccination.readOwn', citizenOwn: true, inArea: true, note: 'the citizen or a declared family member' },
  'POST /api/vaccination/screenings': { action: 'vaccination.administer', note: 'the vaccinator’s own site' },
  'POST /api/vaccination/doses': { action: 'vaccination.administer', note: 'the vaccinator’s own site' },
  // vacccert (issue #12 §5): citizen corrections
  'POST /api/vaccination/corrections': { action: 'vaccination.correction.file', citizenOwn: true, inArea: true, note: 'a citizen about themselves or family; hotline staff for a caller of their area' },
  'GET /api/vaccination/corrections/mine': { action: 'vaccination.readOwn' },
  'GET /api/vaccination/corrections': { action: 'vaccination.correction.review', note: 'requests of the officer’s area, or naming the vaccinator’s site' },
  'GET /api/vaccination/corrections/:id': { action: 'vaccination.correction.review', note: 'the person (as filed) in the officer’s area, or the vaccinator’s site' },
  'GET /api/vaccination/corrections/:id/evidence/:evidenceId': { action: 'vaccination.correction.review', citizenOwn: true, note: 'the filer (citizen or family) or a reviewer of the request' },
  'POST /api/vaccination/corrections/:id/accept': { action: 'vaccination.correction.review', note: 'as the review' },
  'POST /api/vaccination/corrections/:id/reject': { action: 'vaccination.correction.review', note: 'as the review' },
  'POST /api/vaccination/adverse-events': { action: 'vaccination.aefi.report', citizenOwn: true, inArea: true, note: 'a citizen about themselves or family; a vaccinator at their site' },
  // cases (issue #13): a case lies in the person's commune when it opened; citizens see only their own, never contacts
  'GET /api/cases/rules': { action: 'case.read', note: 'severity levels and symptoms, no personal data' },
  'GET /api/cases': { action: 'case.read', note: 'cases of the caller’s area only' },
  'POST /api/cases': { action: 'case.manage', inArea: true, note: 'the person must live in the officer’s area' },
  'GET /api/cases/missed-reports': { action: 'case.read', note: 'cases of the caller’s area only' },
  'GET /api/cases/home-care': { action: 'case.homeCare', note: 'open cases at home of the caller’s area: name and report state only' },
  'GET /api/cases/:id': { action: 'case.read', on: 'case' },
  'PATCH /api/cases/:id': { action: 'case.manage', on: 'case' },
  'POST /api/cases/:id/transfers': { action: 'case.manage', on: 'case' },
  'GET /api/cases/:id/investigation': { action: 'case.read', on: 'case' },
  'PUT /api/cases/:id/investigation': { action: 'case.manage', on: 'case' },
  'POST /api/cases/:id/reports': { action: 'case.report', on: 'case', note: 'the community team: open cases at home only' },
  'POST /api/cases/:id/release': { action: 'case.manage', on: 'case' },
  'GET /api/cases/:id/release-note.pdf': { action: 'case.read', on: 'case' },
  'GET /api/me/case': { action: 'case.readOwn' },
  'POST /api/me/case/reports': { action: 'case.readOwn', note: 'only the citizen’s own open case at home' },
  'GET /api/me/case/release-note.pdf': { action: 'case.readOwn' },
  // tracing (issue #13 §2–3): a contact's jurisdiction is where the CONTACT lives
  'POST /api/tracing/cases/:id/discover': { action: 'contact.manage', note: 'the case must be in the officer’s area; not found otherwise' },
  'GET /api/tracing/cases/:id/contacts': { action: 'contact.read', masked: true, note: 'the case’s officers: all, masked outside their area; others: those living in their area' },
  'POST /api/tracing/cases/:id/contacts': { action: 'contact.manage', note: 'the case must be in the officer’s area' },
  'GET /api/tracing/cases/:id/named': { action: 'contact.manage', note: 'the case must be in the officer’s area; not found otherwise (names and numbers the case gave)' },
  'POST /api/tracing/named/:id/resolve': { action: 'contact.manage', note: 'the line’s case must be in the officer’s area; not found otherwise' },
  'GET /api/tracing/named': { action: 'contact.manage', note: 'lines of cases in the officer’s area only (what the case said)' },
  'POST /api/tracing/named/:id/register': { action: 'contact.manage', note: 'the line’s case in the officer’s area (not found otherwise); the new person where people’s person.create allows' },
  'POST /api/tracing/cases/:id/contacts/bulk': { action: 'contact.manage', note: 'only contacts living in the officer’s area are decided' },
  'GET /api/tracing/cases': { action: 'contact.read', note: 'cases of the caller’s area: ids, windows and counts, no person' },
  'GET /api/tracing/contacts': { action: 'contact.read', note: 'contacts living in the caller’s area only' },
  'POST /api/tracing/contacts/:id/confirm': { action: 'contact.manage', note: 'the contact must live in the officer’s area' },
  'POST /api/tracing/contacts/:id/dismiss': { action: 'contact.manage', note: 'the contact must live in the officer’s area' },
  'POST /api/tracing/contacts/:id/expand': { action: 'contact.manage', note: 'the contact must live in the officer’s area' },
  'GET /api/tracing/graph': { action: 'contact.read', masked: true, note: 'contacts of the caller’s area and of its cases (masked outside it)' },
  'GET /api/me/exposures': { action: 'contact.readOwn', note: 'the citizen’s and family’s notices; never the case' },
  'GET /api/me/proximity/ids': { action: 'proximity.ids' },
  'POST /api/tracing/cases/:id/proximity-code': { action: 'proximity.code', note: 'the case must be in the officer’s area' },
  'POST /api/proximity/uploads': { action: 'proximity.upload', note: 'with the one-time code issued for the citizen’s (or family member’s) case' },
  'GET /api/tracing/clusters': { action: 'cluster.read', note: 'clusters of the caller’s area only' },
  'GET /api/tracing/clusters/:id': { action: 'cluster.read', note: 'not found outside the caller’s area' },
  'POST /api/tracing/clusters/:id/confirm': { action: 'cluster.manage', note: 'not found outside the caller’s area' },
  'POST /api/tracing/clusters/:id/close': { action: 'cluster.manage', note: 'not found outside the caller’s area' },
  'POST /api/tracing/clusters/:id/expand': { action: 'cluster.manage', note: 'not found outside the caller’s area' },
  // vaccination import (issue #12 §4, task vaccimport): an import is its uploader's; each row's commune must be in their area
  'GET /api/vaccination/imports/column-map': { action: 'vaccination.import', note: 'the caller’s own saved map, header texts only' },
  'PUT /api/vaccination/imports/column-map': { action: 'vaccination.import', note: 'the caller’s own saved map' },
  'POST /api/vaccination/imports/preview': { action: 'vaccination.import', note: 'reads the posted file, stores nothing' },
  'POST /api/vaccination/imports': { action: 'vaccination.import', inArea: true, note: 'rows outside the caller’s area are row errors' },
  'GET /api/vaccination/imports/:id': { action: 'vaccination.import', note: 'the uploader’s own import only' },
  'GET /api/vaccination/imports/:id/rows': { action: 'vaccination.import', note: 'the uploader’s own import only' },
  'GET /api/vaccination/imports/:id/error-sheet': { action: 'vaccination.import', note: 'the uploader’s own import only' },
  'POST /api/vaccination/imports/:id/rows/:row/resolve': { action: 'vaccination.import', note: 'the uploader’s own import; only its candidates' },
  // vaccination at the site and figures (issue #12, task vaccsite)
  'POST /api/vaccination/bookings/:id/arrival': { action: 'vaccination.administer', note: 'the booking’s site must be the vaccinator’s or in the officer’s area' },
  'GET /api/vaccination/sites/:id/due': { action: 'vaccination.site.read', note: 'the site must be the vaccinator’s or in the officer’s area' },
  'GET /api/vaccination/sites/:id/figures': { action: 'vaccination.site.read', note: 'the site must be the vaccinator’s or in the officer’s area' },
  'GET /api/vaccination/coverage': { action: 'stats.readAggregates', inArea: true, note: 'aggregates of a unit in the caller’s area; the nation for national accounts' },
  // vaccination invitations and priority groups (issue #12 §2, task invite)
  'POST /api/vaccination/campaigns/:id/invitations': { action: 'vaccination.import', inArea: true, note: 'the site must be in the officer’s area; people of its commune in the officer’s area only' },
  'POST /api/vaccination/campaigns/:id/invitations/import': { action: 'vaccination.import', inArea: true, note: 'the site must be in the officer’s area; rows naming people outside it are row errors' },
  'GET /api/vaccination/campaigns/:id/invitations': { action: 'vaccination.import', inArea: true, note: 'invitations of people in the officer’s area' },
  'PUT /api/vaccination/people/:personId/priority-group': { action: 'vaccination.import', inArea: true, note: 'the person must live in the officer’s area' },
  // the officers' invitations page (issue #12 §2, task vacc12)
  'GET /api/vaccination/campaigns': { action: 'vaccination.site.manage', note: 'campaigns in the officer’s area or covering it; no personal data' },
  'GET /api/vaccination/campaigns/:id/invitations/due': { action: 'vaccination.import', inArea: true, note: 'a count of the site’s due people in the officer’s area; the site must be in it' },
  'GET /api/vaccination/invitations/column-map': { action: 'vaccination.import', note: 'the caller’s own saved map, header texts only' },
  'PUT /api/vaccination/invitations/column-map': { action: 'vaccination.import', note: 'the caller’s own saved map' },
  'POST /api/vaccination/invitations/preview': { action: 'vaccination.import', note: 'reads the posted file, stores nothing' },
  'GET /api/vaccination/invitation-lists/:id/error-sheet': { action: 'vaccination.import', note: 'the uploader’s own list only; its refused rows as uploaded' },
  'GET /api/lab/results/:barcode': { action: 'lab.result.verify', note: 'the supervisor’s lab only; no identity' },
  'POST /api/lab/results/:barcode/correction': { action: 'lab.result.verify' },
  'GET /api/lab/certificate-failures': { action: 'lab.result.verify' },
  'POST /api/lab/certificate-failures/retry': { action: 'lab.result.verify' },
  'POST /api/testing/sessions': { action: 'testing.session.manage', inArea: true },
  'GET /api/testing/sessions': { action: 'testing.session.manage', note: 'samplers see their teams’' },
  'GET /api/testing/sessions/:id': { action: 'testing.session.manage', note: 'samplers see their teams’' },
  'POST /api/testing/sessions/:id/team': { action: 'testing.session.manage' },
  'POST /api/testing/sessions/:id/register': { action: 'testing.register' },
  'POST /api/testing/sessions/:id/targets/import': { action: 'testing.session.manage' },
  'GET /api/testing/sessions/:id/tubes': { action: 'testing.session.manage', note: 'samplers see their teams’' },
  'POST /api/testing/labels': { action: 'testing.labels' },
  'GET /api/testing/labels/:batchId': { action: 'testing.labels' },
  'GET /api/testing/labels/:batchId/sheet.pdf': { action: 'testing.labels' },
  'POST /api/testing/samples': { action: 'testing.sample' },
  'POST /api/testing/samples/batch': { action: 'testing.sample' },
  'GET /api/testing/tubes/:barcode': { action: 'testing.sample' },
  'POST /api/testing/tubes/:barcode/close': { action: 'testing.sample' },
  'GET /api/testing/labs': { action: 'testing.ship', or: 'testing.receive' },
  'POST /api/testing/shipments': { action: 'testing.ship' },
  'GET /api/testing/shipments': { action: 'testing.ship', or: 'testing.receive', note: 'lab staff: to their lab' },
  'GET /api/testing/shipments/:id': { action: 'testing.ship', or: 'testing.receive', note: 'lab staff: to their lab' },
  'POST /api/testing/shipments/:id/receive': { action: 'testing.receive' },
};

export interface RouteEntry {
  method: string;
  url: string;
  schema: RouteOptions['schema'];
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

export const routeKey = (method: string, url: string) => `${method} ${url}`;

/** Records every API route as it is registered (call before any module registers routes). */
export function recordRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, schema: route.schema });
    }
  });
}

/** The API routes of a built app, in registration order. */
export function routesOf(app: FastifyInstance): RouteEntry[] {
  const table = tables.get(app);
  if (!table) throw new Error('recordRoutes was not called on this app');
  return table;
}
