import type { Role } from '@phongdich/contracts';

/** Who is making a request. Set by the authentication hook; anonymous until proven otherwise. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'citizen'; accountId: string; personId: string | null; role: 'citizen' }
  | {
      kind: 'staff' | 'machine';
      accountId: string;
      role: Exclude<Role, 'citizen'>;
      /** Administrative unit code the account is scoped to (2, 3 or 5 digits); null = national. */
      unitCode: string | null;
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
