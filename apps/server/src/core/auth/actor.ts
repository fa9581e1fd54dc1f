import type { Role } from '@phongdich/contracts';
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
    };

export type StaffActor = Extract<Actor, { kind: 'staff' | 'machine' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}
