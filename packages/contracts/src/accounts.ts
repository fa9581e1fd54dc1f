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

export const AccountIdParams = Type.Object({ id: Uuid });
export const TokenParams = Type.Object({ id: Uuid, tokenId: Uuid });

// Account administration (`account.manage`). The bodies keep their extra properties allowed, as before.
export const AccountListQuery = Type.Object({
  role: Type.Optional(StaffRole),
  unitCode: Type.Optional(UnitCode),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export const AccountList = Type.Object({ items: Type.Array(AccountSummary), total: Type.Integer() });
export const NewAccountBody = Type.Object({
  username: Username,
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  role: StaffRole,
  unitCode: Type.Union([UnitCode, Type.Null()]),
  facilityId: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  password: Password,
  kind: Type.Optional(Type.Union([Type.Literal('staff'), Type.Literal('machine')])),
});
export const AccountPatchBody = Type.Object({
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  role: Type.Optional(StaffRole),
  unitCode: Type.Optional(Type.Union([UnitCode, Type.Null()])),
  disabled: Type.Optional(Type.Boolean()),
});
export const ResetPasswordBody = Type.Object({ password: Password });
export const TokenBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
/** The token itself is shown once, in this answer. */
export const TokenCreated = Type.Object({ id: Type.String(), token: Type.String() });

// Sign-in and one's own account.
export const LoginBody = Type.Object({
  username: Type.String({ maxLength: 100 }),
  password: Password,
  totp: Type.Optional(Type.String({ maxLength: 10 })),
});
export const OtpRequestBody = Type.Object({ phone: Type.String({ maxLength: 30 }) });
export const OtpRequestedSchema = Type.Object({
  sent: Type.Boolean(),
  expiresInSeconds: Type.Integer(),
  devInbox: Type.Boolean(),
});
export const OtpVerifyBody = Type.Object({
  phone: Type.String({ maxLength: 30 }),
  code: Type.String({ maxLength: 10 }),
});
export const TotpSetupSchema = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const TotpEnableBody = Type.Object({ code: Type.String({ maxLength: 10 }) });
export const PasswordChangeBody = Type.Object({ currentPassword: Password, newPassword: Password });

/** The signed-in account as GET /api/auth/me shows it. */
export type Me = Static<typeof Me>;
export type AccountSummary = Static<typeof AccountSummary>;
export type AccountList = Static<typeof AccountList>;
export type AccountListQuery = Static<typeof AccountListQuery>;
export type NewAccount = Static<typeof NewAccountBody>;
export type AccountPatch = Static<typeof AccountPatchBody>;
export type TokenCreated = Static<typeof TokenCreated>;
export type OtpRequested = Static<typeof OtpRequestedSchema>;
export type TotpSetup = Static<typeof TotpSetupSchema>;
