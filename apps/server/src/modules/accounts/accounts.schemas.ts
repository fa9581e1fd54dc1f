import { Type } from 'typebox';
import { ACTIONS, ROLES } from '@phongdich/contracts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const StaffRole = Type.Union(ROLES.filter((r) => r !== 'citizen').map((r) => Type.Literal(r)));
export const Kind = Type.Union([Type.Literal('staff'), Type.Literal('citizen'), Type.Literal('machine')]);

export const Me = Type.Object({
  id: Type.String(),
  kind: Kind,
  role: Type.String(),
  displayName: Type.String(),
  username: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  unitCode: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  personId: Nullable(Type.String()),
  totpEnabled: Type.Boolean(),
  staffsVenue: Type.Boolean(),
  permissions: Type.Array(Type.Union(ACTIONS.map((a) => Type.Literal(a)))),
});
export const MeResponse = Type.Object({ account: Me });

export const AccountSummary = Type.Object({
  id: Type.String(),
  kind: Kind,
  username: Nullable(Type.String()),
  displayName: Type.String(),
  role: Type.String(),
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
