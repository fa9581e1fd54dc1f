/**
 * Vaccination's HTTP shapes (issue #12): the one source of truth. The server validates requests (and
 * serializes the responses it declares) with these schemas; the web uses the static types derived from
 * them, never a hand-written copy.
 */
import { Type, type Static } from 'typebox';

const Text = Type.Object(
  { vi: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const Code = Type.String({ minLength: 1, maxLength: 80 });
const Days = Type.Integer({ minimum: 0, maximum: 3650 });
const Age = Type.Integer({ minimum: 0, maximum: 130 });
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const IdParams = Type.Object({ id: Uuid });
export const SitePersonParams = Type.Object({ id: Uuid, personId: Uuid });
export const PersonParams = Type.Object({ personId: Uuid });
export const DiseaseQuery = Type.Object({
  disease: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
});
export const DayQuery = Type.Object({ date: Type.String({ format: 'date' }) });
export const SlotsQuery = Type.Object({
  communeCode: Type.Optional(Type.String({ pattern: '^\\d{5}$' })),
  districtCode: Type.Optional(Type.String({ pattern: '^\\d{3}$' })),
});

export const CatalogueBody = Type.Object(
  {
    disease: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
    diseaseCode: Type.String({ pattern: '^\\d{4,20}$' }),
    version: Type.String({ pattern: '^[A-Za-z0-9._-]{1,60}$' }),
    effectiveFrom: Type.String({ format: 'date-time' }),
    products: Type.Array(
      Type.Object(
        {
          mp: Code,
          ma: Code,
          vp: Code,
          name: Text,
          aliases: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 }),
          schedule: Type.Object(
            {
              doses: Type.Integer({ minimum: 1, maximum: 6 }),
              intervals: Type.Array(
                Type.Object({ minDays: Days, recommendedDays: Days }, { additionalProperties: false }),
                { maxItems: 5 },
              ),
              minAgeYears: Age,
              maxAgeYears: Type.Union([Age, Type.Null()]),
              mixWith: Type.Array(Code, { maxItems: 40 }),
            },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
    boosters: Type.Array(
      Type.Object(
        {
          ordinal: Type.Integer({ minimum: 1, maximum: 10 }),
          minDaysAfterPrevious: Days,
          products: Type.Array(Code, { maxItems: 40 }),
          minAgeYears: Age,
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    priorityGroups: Type.Array(
      Type.Object(
        { code: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), name: Text },
        { additionalProperties: false },
      ),
      { maxItems: 40 },
    ),
  },
  { additionalProperties: false },
);

const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
export const SiteBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Union([Type.Literal('fixed'), Type.Literal('mobile'), Type.Literal('hospital')]),
    communeCode: Type.String({ pattern: '^\\d{5}$' }),
    dailyCapacity: Type.Integer({ minimum: 1, maximum: 100000 }),
    opensAt: Time,
    closesAt: Time,
  },
  { additionalProperties: false },
);
export const LotBody = Type.Object(
  {
    productMp: Code,
    lotNumber: Type.String({ minLength: 1, maxLength: 40 }),
    expiresOn: Type.String({ format: 'date' }),
    quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export const CampaignBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    disease: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
    products: Type.Array(Code, { minItems: 1, maxItems: 20 }),
    targetGroups: Type.Array(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), { maxItems: 20 }),
    /** The campaign's area: a province, district or commune code. */
    unitCode: Type.String({ pattern: '^(\\d{2}|\\d{3}|\\d{5})$' }),
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export const SlotBody = Type.Object(
  {
    siteId: Uuid,
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time' }),
    capacity: Type.Integer({ minimum: 1, maximum: 10000 }),
  },
  { additionalProperties: false },
);
export const BookingBody = Type.Object({ slotId: Uuid, personId: Uuid }, { additionalProperties: false });

const Decision = Type.Union([
  Type.Literal('vaccinate'),
  Type.Literal('postpone'),
  Type.Literal('refer_hospital'),
  Type.Literal('contraindicated'),
]);
const Screening = {
  answers: Type.Record(Type.String({ pattern: '^[a-z0-9_]{1,60}$' }), Type.Boolean(), { maxProperties: 60 }),
  decision: Decision,
  postponeUntil: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
  reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
};
export const ScreeningBody = Type.Object(
  {
    clientId: Uuid,
    personId: Uuid,
    siteId: Uuid,
    screenedAt: Type.String({ format: 'date-time' }),
    ...Screening,
  },
  { additionalProperties: false },
);
export const DoseBody = Type.Object(
  {
    clientId: Uuid,
    personId: Uuid,
    siteId: Uuid,
    lotId: Uuid,
    administeredAt: Type.String({ format: 'date-time' }),
    screening: Type.Object(Screening, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export const AefiBody = Type.Object(
  {
    clientId: Uuid,
    personId: Uuid,
    doseId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    siteId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    symptoms: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 20 }),
    onsetAt: Type.String({ format: 'date-time' }),
    severity: Type.Union([Type.Literal('mild'), Type.Literal('moderate'), Type.Literal('serious')]),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export type CatalogueInput = Static<typeof CatalogueBody>;
export type SiteInput = Static<typeof SiteBody>;
export type LotInput = Static<typeof LotBody>;
export type CampaignInput = Static<typeof CampaignBody>;
export type SlotInput = Static<typeof SlotBody>;
export type BookingInput = Static<typeof BookingBody>;
export type ScreeningRecordInput = Static<typeof ScreeningBody>;
export type DoseInput = Static<typeof DoseBody>;
export type AefiInput = Static<typeof AefiBody>;
export type ScreeningDecisionCode = Static<typeof Decision>;
export type AefiSeverity = AefiInput['severity'];

// --- responses ---

export const DoseSchema = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  personId: Type.String(),
  productMp: Type.String(),
  lotNumber: Nullable(Type.String()),
  doseNumber: Type.Integer(),
  siteId: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  administeredAt: Type.String(),
  source: Type.String(),
  flags: Type.Array(Type.String()),
});
export type Dose = Static<typeof DoseSchema>;

export const CertificateSummarySchema = Type.Object({
  uvci: Type.String(),
  hc1: Type.String(),
  issuedAt: Type.String(),
  expiresAt: Type.String(),
});
export const MyVaccinationSchema = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  self: Type.Boolean(),
  doses: Type.Array(DoseSchema),
  certificate: Nullable(CertificateSummarySchema),
});
export type MyVaccination = Static<typeof MyVaccinationSchema>;

export const SiteSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('fixed'), Type.Literal('mobile'), Type.Literal('hospital')]),
  communeCode: Type.String(),
  districtCode: Nullable(Type.String()),
  provinceCode: Type.String(),
  dailyCapacity: Type.Integer(),
  opensAt: Type.String(),
  closesAt: Type.String(),
});
export type Site = Static<typeof SiteSchema>;
export const SiteListSchema = Type.Array(SiteSchema);

export const LotSchema = Type.Object({
  id: Type.String(),
  productMp: Type.String(),
  lotNumber: Type.String(),
  expiresOn: Type.String(),
  quantity: Type.Integer(),
  remaining: Type.Integer(),
});
export type Lot = Static<typeof LotSchema>;
export const LotListSchema = Type.Array(LotSchema);

export const SlotSchema = Type.Object({
  id: Type.String(),
  siteId: Type.String(),
  siteName: Type.String(),
  siteKind: Type.String(),
  communeCode: Type.String(),
  campaignName: Type.String(),
  products: Type.Array(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  capacity: Type.Integer(),
  free: Type.Integer(),
});
export type Slot = Static<typeof SlotSchema>;
export const SlotListSchema = Type.Array(SlotSchema);

export const BookingSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  status: Type.String(),
  slot: SlotSchema,
});
export type Booking = Static<typeof BookingSchema>;

export const QuestionSchema = Type.Object({ id: Type.String(), text: Text, ifYes: Decision });
export type ScreeningQuestion = Static<typeof QuestionSchema>;
export const QuestionSetSchema = Type.Object({
  version: Type.String(),
  effectiveFrom: Type.String(),
  questions: Type.Array(QuestionSchema),
});

export const EligibilitySchema = Type.Object({
  mp: Type.String(),
  eligible: Type.Boolean(),
  doseNumber: Type.Integer(),
  kind: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  earliest: Type.Optional(Type.String()),
  recommended: Type.Optional(Type.String()),
  completesPrimary: Type.Optional(Type.Boolean()),
});
export type EligibilityView = Static<typeof EligibilitySchema>;

export const PersonAtSiteSchema = Type.Object({
  person: Type.Object({
    id: Type.String(),
    fullName: Type.String(),
    birthYear: Type.Integer(),
    birthDate: Nullable(Type.String()),
  }),
  doses: Type.Array(DoseSchema),
  series: Type.Object({
    doses: Type.Integer(),
    primaryComplete: Type.Boolean(),
    primaryCompletedAt: Nullable(Type.String()),
    boosters: Type.Integer(),
    primaryDoses: Nullable(Type.Integer()),
  }),
  eligibility: Type.Array(EligibilitySchema),
  lots: Type.Array(LotSchema),
  questionSet: QuestionSetSchema,
});
export type PersonAtSite = Static<typeof PersonAtSiteSchema>;

export const CatalogueVersionSchema = Type.Intersect([
  CatalogueBody,
  Type.Object({ inForce: Type.Boolean(), createdAt: Type.String() }),
]);
export type CatalogueVersion = Static<typeof CatalogueVersionSchema>;
/** One vaccine of a catalogue version (the correction form offers them). */
export type CatalogueProduct = CatalogueVersion['products'][number];

export const DoseRecordedSchema = Type.Object({
  dose: DoseSchema,
  duplicate: Type.Boolean(),
  certificate: Type.Unknown(),
});
export const ScreeningRecordedSchema = Type.Object({
  clientId: Type.String(),
  decision: Decision,
  outcome: Decision,
  duplicate: Type.Boolean(),
});
export type ScreeningRecorded = Static<typeof ScreeningRecordedSchema>;
export const AefiReportedSchema = Type.Object({
  clientId: Type.String(),
  duplicate: Type.Boolean(),
  notified: Type.Integer(),
});
export type AefiReported = Static<typeof AefiReportedSchema>;

// --- at the site (task vaccsite): arrival, the day list, observation, who is due ---

export const BookingParams = Type.Object({ id: Uuid });
export const ArrivalSchema = Type.Object({
  bookingId: Type.String(),
  personId: Type.String(),
  status: Type.String(),
  arrivedAt: Nullable(Type.String()),
  duplicate: Type.Boolean(),
});
export type Arrival = Static<typeof ArrivalSchema>;

export const DueQuery = Type.Object({
  date: Type.String({ format: 'date' }),
  /** The cursor from the previous page (opaque). */
  after: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}_[0-9a-f-]{36}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const DueItemSchema = Type.Object({
  personId: Type.String(),
  fullName: Type.String(),
  birthYear: Type.Integer(),
  doseNumber: Type.Integer(),
  kind: Type.String(),
  productMp: Type.String(),
  dueFrom: Type.String(),
});
export type DueItem = Static<typeof DueItemSchema>;
export const DuePageSchema = Type.Object({ items: Type.Array(DueItemSchema), next: Nullable(Type.String()) });
export type DuePage = Static<typeof DuePageSchema>;

export const DayListSchema = Type.Object({
  site: Type.Object({ id: Type.String(), name: Type.String() }),
  date: Type.String(),
  booked: Type.Array(
    Type.Object({
      bookingId: Type.String(),
      personId: Type.String(),
      fullName: Type.String(),
      birthYear: Type.Integer(),
      status: Type.String(),
      startsAt: Type.String(),
      arrivedAt: Nullable(Type.String()),
      vaccinated: Type.Boolean(),
    }),
  ),
  observation: Type.Array(
    Type.Object({
      doseId: Type.String(),
      personId: Type.String(),
      fullName: Type.String(),
      doseNumber: Type.Integer(),
      productMp: Type.String(),
      administeredAt: Type.String(),
      observeUntil: Type.String(),
      /** The 30 minutes are over: the person may leave (unless a reaction keeps them). */
      mayLeave: Type.Boolean(),
      reaction: Nullable(
        Type.Union([Type.Literal('mild'), Type.Literal('moderate'), Type.Literal('serious')]),
      ),
    }),
  ),
  /** The first page of who in the site's commune is due for a next dose by the day (see /due for more). */
  due: Type.Array(DueItemSchema),
  dueNext: Nullable(Type.String()),
});
export type DayList = Static<typeof DayListSchema>;

// --- figures (§7) ---

export const CoverageQuery = Type.Object({
  /** A province, district or commune code; none = the caller's own unit (the nation for national accounts). */
  unitCode: Type.Optional(Type.String({ pattern: '^(\\d{2}|\\d{3}|\\d{5})$' })),
  structure: Type.Optional(Type.Union([Type.Literal('pre2025'), Type.Literal('2025')])),
});
const CoverageRowFields = {
  population: Type.Integer(),
  atLeastOne: Type.Integer(),
  fullPrimary: Type.Integer(),
  booster: Type.Integer(),
};
export const CoverageRowSchema = Type.Object(CoverageRowFields);
export type CoverageRow = Static<typeof CoverageRowSchema>;
export const CoverageSchema = Type.Object({
  structure: Type.Union([Type.Literal('pre2025'), Type.Literal('2025')]),
  unit: Nullable(Type.Object({ code: Type.String(), name: Type.String(), level: Type.Integer() })),
  /** The 2019 census population (provinces and the nation only). */
  census: Nullable(Type.Integer()),
  bands: Type.Array(Type.Object({ band: Type.String(), ...CoverageRowFields })),
  priorityGroups: Type.Array(Type.Object({ group: Type.String(), ...CoverageRowFields })),
  children: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...CoverageRowFields })),
  adverseEvents: Type.Object({ mild: Type.Integer(), moderate: Type.Integer(), serious: Type.Integer() }),
});
export type CoverageFigures = Static<typeof CoverageSchema>;
/** The administrative map figures are read on. */
export type CoverageStructure = CoverageFigures['structure'];

export const SiteFiguresQuery = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
});
export const SiteFiguresSchema = Type.Object({
  site: Type.Object({ id: Type.String(), name: Type.String() }),
  days: Type.Array(Type.Object({ date: Type.String(), doses: Type.Integer() })),
  lots: Type.Array(
    Type.Object({
      id: Type.String(),
      productMp: Type.String(),
      lotNumber: Type.String(),
      expiresOn: Type.String(),
      quantity: Type.Integer(),
      used: Type.Integer(),
      remaining: Type.Integer(),
    }),
  ),
});
export type SiteFigures = Static<typeof SiteFiguresSchema>;
