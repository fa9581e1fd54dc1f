/**
 * Invitations, reminders and priority groups (issue #12 §2, task invite): the HTTP shapes the server
 * validates with and the web types itself with.
 */
import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const GroupCode = Type.String({ pattern: '^[a-z0-9_]{1,40}$' });

export const CampaignParams = Type.Object({ id: Uuid });
export const PersonPriorityParams = Type.Object({ personId: Uuid });

/** Age bands by birth year, as the coverage figures count them. */
export const AgeBand = Type.Union([
  Type.Literal('all'),
  Type.Literal('18+'),
  Type.Literal('50+'),
  Type.Literal('65+'),
]);
export type AgeBandT = Static<typeof AgeBand>;

/** Invite the due people of the site's commune in a priority group and age band. */
export const InviteBody = Type.Object(
  {
    siteId: Uuid,
    priorityGroup: GroupCode,
    ageBand: Type.Optional(AgeBand),
    /** At most this many new invitations in one request; the rest on the next (nothing is sent twice). */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  { additionalProperties: false },
);
export type InviteBodyT = Static<typeof InviteBody>;

export const InviteResultSchema = Type.Object({
  invited: Type.Integer(),
  sms: Type.Integer(),
  noPhone: Type.Integer(),
  /** More due people are left beyond `limit`. */
  more: Type.Boolean(),
});
export type InviteResult = Static<typeof InviteResultSchema>;

export const InvitationStatus = Type.Union([
  Type.Literal('sent'),
  Type.Literal('not_sent'),
  Type.Literal('booked'),
  Type.Literal('came'),
]);
export type InvitationStatusT = Static<typeof InvitationStatus>;

export const InvitationsQuery = Type.Object({
  siteId: Type.Optional(Uuid),
  status: Type.Optional(InvitationStatus),
});

export const InvitationSchema = Type.Object({
  id: Uuid,
  personId: Uuid,
  fullName: Type.String(),
  birthYear: Type.Integer(),
  priorityGroup: Type.String(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('none')]),
  source: Type.Union([Type.Literal('selection'), Type.Literal('import')]),
  status: InvitationStatus,
  invitedAt: Type.String(),
});
export type Invitation = Static<typeof InvitationSchema>;

export const InvitationListSchema = Type.Object({
  counts: Type.Object({
    invited: Type.Integer(),
    sent: Type.Integer(),
    not_sent: Type.Integer(),
    booked: Type.Integer(),
    came: Type.Integer(),
  }),
  /** The latest 500 (filtered by status when asked). */
  items: Type.Array(InvitationSchema),
});
export type InvitationList = Static<typeof InvitationListSchema>;

export const PriorityGroupBody = Type.Object(
  { group: Type.Union([GroupCode, Type.Null()]) },
  { additionalProperties: false },
);
export const PriorityGroupSchema = Type.Object({
  personId: Uuid,
  group: Type.Union([Type.String(), Type.Null()]),
});

export const InvitationImportQuery = Type.Object({ siteId: Uuid });

// --- the officers' invitations page (task vacc12) ---

/** How many people an invitation by group and age band would reach now, before it is sent. */
export const DueCountQuery = Type.Object(
  { siteId: Uuid, priorityGroup: GroupCode, ageBand: Type.Optional(AgeBand) },
  { additionalProperties: false },
);
export const DueCountSchema = Type.Object({ due: Type.Integer() });
export type DueCount = Static<typeof DueCountSchema>;

/** The columns an invitation list is read by. */
export const INVITATION_COLUMNS = ['fullName', 'birth', 'idNumber', 'bhyt', 'phone', 'group'] as const;
export type InvitationColumn = (typeof INVITATION_COLUMNS)[number];

const HeaderText = Type.String({ minLength: 1, maxLength: 200 });
/** The header text of the uploader's own file for each column, saved once and used for the next lists. */
export const InvitationColumnMapSchema = Type.Object(
  {
    fullName: Type.Optional(HeaderText),
    birth: Type.Optional(HeaderText),
    idNumber: Type.Optional(HeaderText),
    bhyt: Type.Optional(HeaderText),
    phone: Type.Optional(HeaderText),
    group: Type.Optional(HeaderText),
  },
  { additionalProperties: false },
);
export type InvitationColumnMap = Static<typeof InvitationColumnMapSchema>;

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
/** What the page shows before an invitation list is sent: the header found and each column's cell. */
export const InvitationPreviewSchema = Type.Object({
  headerRow: Type.Integer(),
  header: Type.Array(Type.String()),
  columns: Type.Record(Type.String(), Type.Integer()),
  rows: Type.Integer(),
  labels: Type.Record(Type.String(), Bilingual),
});
export type InvitationPreview = Static<typeof InvitationPreviewSchema>;

export const InvitationRowErrorSchema = Type.Object({
  row: Type.Integer(),
  field: Type.String(),
  code: Type.String(),
  message: Bilingual,
});
export type InvitationRowError = Static<typeof InvitationRowErrorSchema>;

export const InvitationImportResultSchema = Type.Object({
  /** The list's refused rows, downloadable as an error sheet; null when no row was refused. */
  importId: Type.Union([Uuid, Type.Null()]),
  rows: Type.Integer(),
  matched: Type.Integer(),
  invited: Type.Integer(),
  sms: Type.Integer(),
  noPhone: Type.Integer(),
  errors: Type.Array(InvitationRowErrorSchema),
});
export type InvitationImportResult = Static<typeof InvitationImportResultSchema>;

export const InvitationImportParams = Type.Object({ id: Uuid });
