import { SYSTEM_ROLE, type Role, type SystemRole } from '@phongdich/contracts';
import type { LevelName, UnitStructure } from '../units/structure';

/** Who is making a request. Set by the authentication hook; anonymous until proven otherwise. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; accountId: string; personId: string | null; role: 'citizen' }
  | {
      kind: 'staff' | 'machine';
      accountId: string;
      role: Exclude<Role, 'citizen'>;
      /** Administrative unit code the account is scoped to; null = national. */
      unitCode: string | null;
      /** The structure the unit code belongs to (set from the account; absent in hand-built actors). */
      unitStructure?: UnitStructure;
      /**
       * The unit's level, looked up in that structure: null when the unit does not exist there (the
       * account then reaches nothing); absent in hand-built actors (the code's length decides).
       */
      unitLevel?: LevelName | null;
      /** Facility, lab or venue the account is scoped to, if any. */
      facilityId: string | null;
      displayName: string;
    }
  | {
      /**
       * The platform itself (an event handler, a job, the demo seed, a command-line tool): national,
       * never from a session, allowed only the actions policy.ts gives the system role.
       */
      kind: 'system';
      /** `system:<name>`, what the audit log shows as the actor. */
      accountId: string;
      role: SystemRole;
      unitCode: null;
      facilityId: null;
      displayName: string;
    };

export type StaffActor = Extract<Actor, { kind: 'staff' | 'machine' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export type SystemActor = Extract<Actor, { kind: 'system' }>;

/** The platform at work as `name` (e.g. `cases.open-from-result`): audited as `system:<name>`. */
export function systemActor(name: string, accountId = `system:${name}`): SystemActor {
  return {
    kind: 'system',
    accountId,
    role: SYSTEM_ROLE,
    unitCode: null,
    facilityId: null,
    displayName: name,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}
