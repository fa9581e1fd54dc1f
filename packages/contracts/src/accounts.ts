/**
 * Accounts' HTTP shapes: the one source of truth. The server validates and serializes with these
 * schemas; the web uses the static types derived from them.
 */
import { Type, type Static } from 'typebox';
import { ACTIONS, type Action } from './actions';
import { ROLES, type Role } from './roles';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const StaffRole = Type.Union(ROLES.filter((r) => r !== 'citizen').map((r) => Type.Literal(r)));
/**
 * An account's role in a response. On the wire it stays a plain string, as it always was (an account
 * stored with a role outside the catalogue must not turn /api/auth/me into a serialization error); its
 * static type is the catalogue's, since accounts are only created with StaffRole or 'citizen'.
 */
export const RoleSchema = Type.Unsafe<Role>(Type.String());
export const Kind = Type.Union([Type.Literal('staff'), Type.Literal('citizen'), Type.Literal('machine')]);

export const Me = Type.Object({
  id: Type.String(),
  kind: Kind,
  role: RoleSchema,
  displayName: Type.String(),
  username: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  personId: Nullable(Type.String()),
  totpEnabled: Type.Boolean(),
  staffsVenue: Type.Boolean(),
  // Unsafe<> names the static type only: a union built from an array would type as never.
  permissions: Type.Array(Type.Unsafe<Action>(Type.Union(ACTIONS.map((a) => Type.Literal(a))))),
});
export const MeResponse = Type.Object({ account: Me });

export const AccountSummary = Type.Object({
  id: Type.String(),
  kind: Kind,
  username: Nullable(Type.String()),
  displayName: Type.String(),
  role: RoleSchema,
  unitCode: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  disabled: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  lockedUntil: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  lastSignInAt: Nullable(Type.String({ format: 'date-time' })),
});

export const Username = Type.String({ pattern: '^[A-Za-z0-9._-]{3,40}$' });
export const Password = Type.String({ minLength: 1, maxLength: 200 });
export const UnitCode = Type.String({ pattern: '^(\\d{2}|\\d{3}|\\d{5})$' });
export const Uuid = Type.String({ format: 'uuid' });
export const NoContent = Type.Null();

/** The signed-in account as GET /api/auth/me shows it. */
export type Me = Static<typeof Me>;
export type AccountSummary = Static<typeof AccountSummary>;
