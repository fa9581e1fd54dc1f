/**
 * Check-in points' HTTP shapes: the one source of truth. The server validates and serializes with these
 * schemas; the web uses the static types derived from them.
 */
import { Type, type Static } from 'typebox';

/** Kinds of check-in point, as data: the web shows the labels, the server validates the codes. */
export const VENUE_KINDS = {
  office: { vi: 'Cơ quan, văn phòng', en: 'Office' },
  shop: { vi: 'Cửa hàng', en: 'Shop' },
  market: { vi: 'Chợ', en: 'Market' },
  factory: { vi: 'Nhà máy, xí nghiệp', en: 'Factory' },
  school: { vi: 'Trường học', en: 'School' },
  hospital: { vi: 'Bệnh viện, cơ sở y tế', en: 'Hospital, clinic' },
  restaurant: { vi: 'Nhà hàng, quán ăn', en: 'Restaurant' },
  bus_coach: { vi: 'Xe buýt, xe khách', en: 'Bus or coach' },
  truck: { vi: 'Xe tải', en: 'Truck' },
  ferry: { vi: 'Phà, tàu thuyền', en: 'Ferry or boat' },
  checkpoint: { vi: 'Chốt kiểm soát', en: 'Checkpoint' },
  event: { vi: 'Sự kiện', en: 'Event' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type VenueKind = keyof typeof VENUE_KINDS;
export const VENUE_KIND_CODES = Object.keys(VENUE_KINDS) as VenueKind[];

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const StatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('active'),
  Type.Literal('suspended'),
]);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const ListQuerySchema = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    kind: Type.Optional(Type.Union(VENUE_KIND_CODES.map((k) => Type.Literal(k)))),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    parentId: Type.Optional(Type.String({ format: 'uuid' })),
    unreviewed: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);

export const VenueSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  communeCode: Type.String(),
  districtCode: Nullable(Type.String()),
  provinceCode: Type.String(),
  areaName: Type.String(),
  street: Nullable(Type.String()),
  plateNumber: Nullable(Type.String()),
  ownerPhone: Type.String(),
  status: StatusSchema,
  statusReason: Nullable(Type.String()),
  reviewed: Type.Boolean(),
  requiresDeclarationHours: Nullable(Type.Integer()),
  parentId: Nullable(Type.String()),
  childCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
  // Only in GET /api/venues/:id: what the caller may do.
  access: Type.Optional(Type.Object({ manage: Type.Boolean(), review: Type.Boolean() })),
});
export const VenueList = Type.Object({ items: Type.Array(VenueSchema) });
export const VenuePage = Type.Object({ items: Type.Array(VenueSchema), total: Type.Integer() });

export const RegisterBody = Type.Object(
  {
    // Checked in the service, so a wrong value gets a field error in both languages.
    kind: Type.String({ maxLength: 40 }),
    name: Type.String({ maxLength: 200 }),
    communeCode: Type.String({ maxLength: 10 }),
    street: Type.Optional(Type.String({ maxLength: 300 })),
    plateNumber: Type.Optional(Type.String({ maxLength: 30 })),
    ownerPhone: Type.Optional(Type.String({ maxLength: 30 })),
    staffPhones: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 50 })),
    requiresDeclarationHours: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 24 * 30 }))),
  },
  { additionalProperties: false },
);

export const ChildrenBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          name: Type.String({ maxLength: 200 }),
          plate: Type.Optional(Type.String({ maxLength: 30 })),
          kind: Type.Optional(Type.String({ maxLength: 40 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
export const PhoneBody = Type.Object(
  { phone: Type.String({ maxLength: 30 }) },
  { additionalProperties: false },
);
export const PostersBody = Type.Object(
  { venueIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

export const StaffList = Type.Object({
  items: Type.Array(
    Type.Object({
      phone: Type.String(),
      role: Type.Union([Type.Literal('owner'), Type.Literal('staff')]),
      hasAccount: Type.Boolean(),
      addedAt: Type.String(),
    }),
  ),
});
// `url` is what the QR holds (the check-in link); `token` is the signed token inside it.
export const QrResult = Type.Object({ token: Type.String(), url: Type.String(), svg: Type.String() });
export const KindsResult = Type.Object({
  items: Type.Array(
    Type.Object({ code: Type.String(), vi: Type.String(), en: Type.String(), vehicle: Type.Boolean() }),
  ),
});

/** A poster as a PDF file (the answer is the file's bytes, not JSON). */
export const PdfFile = Type.String({ format: 'binary', description: 'PDF (A4)' });

export type VenueStatus = Static<typeof StatusSchema>;
/** A check-in point as the API shows it; the server narrows `Kind` to its list of venue kinds. */
export type Venue<Kind extends string = string> = Omit<Static<typeof VenueSchema>, 'kind'> & { kind: Kind };
export type VenueListQuery = Static<typeof ListQuerySchema>;
export type VenueRegistration = Static<typeof RegisterBody>;
export type StaffMember = Static<typeof StaffList>['items'][number];
export type VenueKindOption = Static<typeof KindsResult>['items'][number];
export type VenueQr = Static<typeof QrResult>;
