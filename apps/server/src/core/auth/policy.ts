import type { Action, Role } from '@phongdich/contracts';
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
  'person.search': { roles: [...OFFICERS, ...FIELD_STAFF, 'venue_manager'], jurisdiction: true },
  'person.create': { roles: [...OFFICERS, ...FIELD_STAFF, 'venue_manager'], jurisdiction: true },
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
};

export function roleOf(actor: Actor): Role | null {
  return actor.kind === 'anonymous' ? null : actor.role;
}

/** May this actor attempt the action at all (ignoring where the target is)? */
export function can(actor: Actor, action: Action): boolean {
  const rule = RULES[action];
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
