import { ROLES, type Action, type Role } from '@phongdich/contracts';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { inJurisdiction, type Location } from './jurisdiction';

const OFFICERS: Role[] = ['national_admin', 'province_officer', 'district_officer', 'commune_officer'];
const FIELD_STAFF: Role[] = ['sampler', 'vaccinator', 'quarantine_officer', 'hotline_operator'];

/**
 * Which roles may attempt each action. `jurisdiction: true` means the target must also lie within the
 * actor's unit; otherwise the record is shown masked (or refused) unless the actor breaks the glass.
 * Typed by Action, so a new action without a rule fails to compile.
 */
const RULES: Record<Action, { roles: Role[] | 'anyone'; jurisdiction: boolean }> = {
  'person.read': {
    roles: [...OFFICERS, ...FIELD_STAFF, 'lab_technician', 'lab_supervisor'],
    jurisdiction: true,
  },
  // Venue staff are not in these two: being posted in a commune is no reason to search or register its
  // people. They reach a person only through a scan at their own active point (`scan.resolve` with
  // the venue: a known person answered masked, an unknown card held as the venue's pending identity
  // for the commune to confirm), issue #8 items 2 and 4.
  'person.search': { roles: [...OFFICERS, ...FIELD_STAFF], jurisdiction: true },
  'person.create': { roles: [...OFFICERS, ...FIELD_STAFF], jurisdiction: true },
  'person.update': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  'person.merge': { roles: OFFICERS, jurisdiction: true },
  'person.breakGlass': {
    roles: [...OFFICERS, 'quarantine_officer', 'hotline_operator'],
    jurisdiction: false,
  },
  'unit.read': { roles: 'anyone', jurisdiction: false },
  'audit.read': { roles: ['national_admin'], jurisdiction: false },
  'audit.export': { roles: ['national_admin'], jurisdiction: false },
  'account.manage': { roles: ['national_admin', 'province_officer', 'district_officer'], jurisdiction: true },
  'outbox.readDevInbox': { roles: 'anyone', jurisdiction: false },
  'stats.readAggregates': { roles: [...OFFICERS, 'steering_committee'], jurisdiction: true },
  // Citizens declare for themselves and family, staff for a visitor from anywhere (checked in the
  // declarations service); reading someone's declarations is an officer's job in their area.
  'declaration.submit': {
    roles: [...OFFICERS, ...FIELD_STAFF, 'venue_manager', 'citizen'],
    jurisdiction: false,
  },
  'declaration.read': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  // An investigation keeps a person's declarations past retention.
  'declaration.hold': { roles: OFFICERS, jurisdiction: true },
  // Any signed-in account may register a check-in point and manage the ones it owns or staffs
  // (ownership is checked in the venues service).
  'venue.register': { roles: [...ROLES], jurisdiction: false },
  'venue.manage': { roles: [...ROLES], jurisdiction: false },
  'venue.read': { roles: [...OFFICERS, 'steering_committee'], jurisdiction: true },
  'venue.review': { roles: OFFICERS, jurisdiction: true },
  'keys.manage': { roles: ['national_admin'], jurisdiction: false },
  // Dead domain events: the machinery of the whole country, no person's data shown.
  'events.manage': { roles: ['national_admin'], jurisdiction: false },
  // The worklist holds follow-ups about people: officers of the person's area.
  'worklist.read': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  'worklist.update': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  // sampling: lab receipt is scoped by the account's facility (= lab id), checked by the service.
  'testing.session.manage': { roles: OFFICERS, jurisdiction: true },
  'testing.sample': { roles: ['sampler'], jurisdiction: true },
  'testing.labels': { roles: [...OFFICERS, 'sampler'], jurisdiction: true },
  'testing.ship': { roles: [...OFFICERS, 'sampler'], jurisdiction: true },
  'testing.receive': { roles: ['lab_technician', 'lab_supervisor'], jurisdiction: false },
  'testing.register': { roles: ['citizen'], jurisdiction: false },
  // personal QR and the scanner: a scan may reach anyone; the answer is masked outside jurisdiction.
  'qr.personal': { roles: ['citizen'], jurisdiction: false },
  'qrCard.manage': { roles: OFFICERS, jurisdiction: true },
  'scan.resolve': { roles: [...OFFICERS, ...FIELD_STAFF, 'venue_manager', 'verifier'], jurisdiction: false },
  'status.read': { roles: [...OFFICERS, ...FIELD_STAFF], jurisdiction: true },
  // lab: results are scoped by the account's facility (= lab id), checked by the service.
  'lab.result.enter': { roles: ['lab_technician', 'lab_supervisor'], jurisdiction: false },
  'lab.result.verify': { roles: ['lab_supervisor'], jurisdiction: false },
  'lab.upload': { roles: ['lab_technician', 'lab_supervisor'], jurisdiction: false },
  'results.readOwn': { roles: ['citizen'], jurisdiction: false },
  'certificate.verify': { roles: 'anyone', jurisdiction: false },
  // Revocation: the person's area or the issuing lab's (either), checked by the certificates service.
  'certificate.revoke': { roles: ['national_admin', 'province_officer'], jurisdiction: true },
  'testing.figures': { roles: [...OFFICERS, 'steering_committee'], jurisdiction: true },
  // check-ins: a citizen checks in (self or family); officers record at points in their area (venue
  // owners and staff are recognised by the check-ins service); tracing reads are masked outside it.
  'checkin.create': { roles: ['citizen'], jurisdiction: false },
  'checkin.record': { roles: OFFICERS, jurisdiction: true },
  'checkin.trace': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  // An investigation keeps check-ins past retention: the person's area for a person's check-ins, the
  // point's commune for a venue's.
  'checkin.hold': { roles: OFFICERS, jurisdiction: true },
  // The move to the 2025 map is the national administrator's; a record it did not place is chosen
  // by an officer of the new province it lies in.
  'units.move': { roles: ['national_admin'], jurisdiction: false },
  'units.review': { roles: ['national_admin', 'province_officer'], jurisdiction: true },
  // vaccination (issue #12): the catalogue holds no personal data; a site's vaccinators work at their
  // own site only (facility), officers in their area.
  'vaccination.catalogue.read': { roles: 'anyone', jurisdiction: false },
  'vaccination.catalogue.manage': { roles: ['national_admin'], jurisdiction: false },
  'vaccination.site.read': { roles: [...OFFICERS, 'vaccinator'], jurisdiction: true },
  'vaccination.site.manage': { roles: OFFICERS, jurisdiction: true },
  'vaccination.book': { roles: ['citizen'], jurisdiction: false },
  'vaccination.readOwn': { roles: ['citizen'], jurisdiction: false },
  'vaccination.administer': { roles: ['vaccinator'], jurisdiction: false },
  'vaccination.aefi.report': { roles: ['vaccinator', 'citizen'], jurisdiction: false },
  // tracing (issue #13): a contact is followed up where the CONTACT lives; the case's officers see
  // contacts outside their area masked. A citizen reads only their own notices (never the case).
  'contact.read': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  'contact.manage': { roles: OFFICERS, jurisdiction: true },
  'contact.readOwn': { roles: ['citizen'], jurisdiction: false },
  'proximity.ids': { roles: ['citizen'], jurisdiction: false },
  // The upload code is issued for a case of the officer's area; the case uploads with it.
  'proximity.code': { roles: OFFICERS, jurisdiction: true },
  'proximity.upload': { roles: ['citizen'], jurisdiction: false },
  'cluster.read': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  'cluster.manage': { roles: OFFICERS, jurisdiction: true },
  // cases (issue #13): a case's area is the person's commune when it opened; the commune's medical
  // team (officers, quarantine officers) reads and reports for cases at home; officers manage them.
  'case.read': { roles: [...OFFICERS, 'quarantine_officer'], jurisdiction: true },
  'case.manage': { roles: OFFICERS, jurisdiction: true },
  // The community team (tổ COVID cộng đồng) phones the commune's cases at home: it sees their names and
  // report state and enters reports for them (cases.home-care.ts keeps it to open cases at home), never
  // the case record, its investigation or contacts.
  'case.report': { roles: [...OFFICERS, 'quarantine_officer', 'community_team'], jurisdiction: true },
  'case.homeCare': { roles: [...OFFICERS, 'quarantine_officer', 'community_team'], jurisdiction: true },
  'case.readOwn': { roles: ['citizen'], jurisdiction: false },
  // Officers import lists for their own area; each row's commune is checked (vaccination.import.apply.ts).
  'vaccination.import': { roles: OFFICERS, jurisdiction: true },
  // vacccert (issue #12 §5, §6): a citizen files about themselves or family, hotline staff for a caller
  // (the service keeps them to people of their area); commune officers and the site's vaccinators
  // review (the service keeps a vaccinator to requests naming their site). Foreign signers are trusted
  // nationally, by the national administrator only.
  'vaccination.correction.file': { roles: ['citizen', 'hotline_operator'], jurisdiction: false },
  'vaccination.correction.review': { roles: [...OFFICERS, 'vaccinator'], jurisdiction: true },
  'trustlist.manage': { roles: ['national_admin'], jurisdiction: false },
};

/**
 * What the platform itself does under its own name (the `system` actor, core/auth/actor.ts): the move
 * to the 2025 map run by the command line or the demo seed, and its reviews resolved by the seed.
 * Event handlers and jobs write through their module's functions without a policy check (they act on
 * events, not requests), so they need nothing here; every other action is refused to the system.
 */
const SYSTEM_ACTIONS: ReadonlySet<Action> = new Set<Action>(['units.move', 'units.review']);

/** An account's role; null for the anonymous caller and for the system, which has no account. */
export function roleOf(actor: Actor): Role | null {
  return actor.kind === 'anonymous' || actor.kind === 'system' ? null : actor.role;
}

/** May this actor attempt the action at all (ignoring where the target is)? */
export function can(actor: Actor, action: Action): boolean {
  const rule = RULES[action];
  if (actor.kind === 'system') return SYSTEM_ACTIONS.has(action);
  if (rule.roles === 'anyone') return true;
  const role = roleOf(actor);
  return role !== null && rule.roles.includes(role);
}

/** Does the action on a target at `loc` fall within the actor's reach? */
export function canAt(actor: Actor, action: Action, loc: Location): boolean {
  if (!can(actor, action)) return false;
  return !RULES[action].jurisdiction || inJurisdiction(actor, loc);
}

/** The first line of every service method: throws UNAUTHENTICATED or FORBIDDEN. */
export function authorize(actor: Actor, action: Action, loc?: Location): void {
  if (RULES[action].roles !== 'anyone' && actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!can(actor, action)) throw new AppError('FORBIDDEN', undefined, `role may not ${action}`);
  if (loc && RULES[action].jurisdiction && !inJurisdiction(actor, loc)) {
    throw new AppError('FORBIDDEN', undefined, `${action} outside jurisdiction`);
  }
}

export function requiresJurisdiction(action: Action): boolean {
  return RULES[action].jurisdiction;
}
