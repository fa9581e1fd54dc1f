/**
 * Cases' HTTP shapes (issue #13): the one source of truth. The server validates and serializes with
 * these schemas; the web uses the static types derived from them. Dates named *Date / symptomOnset /
 * *Day are calendar days (YYYY-MM-DD, Asia/Ho_Chi_Minh); *At are instants (ISO).
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });
const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });

export const CaseIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const TreatmentKind = Type.Union([
  Type.Literal('home'),
  Type.Literal('facility'),
  Type.Literal('hospital'),
]);
export const CaseStatus = Type.Union([Type.Literal('open'), Type.Literal('closed')]);
export const CaseOutcome = Type.Union([Type.Literal('recovered'), Type.Literal('died')]);

export const CaseSummary = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  birthYear: Type.Integer(),
  status: CaseStatus,
  confirmedAt: Type.String(),
  sampleDate: Day,
  symptomOnset: Nullable(Day),
  classification: Nullable(Type.String()),
  treatmentKind: TreatmentKind,
  treatmentFacility: Nullable(Type.String()),
  outcome: Nullable(CaseOutcome),
  /** 'annulled': closed because every confirmation was corrected away (never a case). */
  closedReason: Nullable(Type.Literal('annulled')),
  closedAt: Nullable(Type.String()),
  communeCode: Type.String(),
  communeName: Nullable(Type.String()),
  /** The warning signs of the latest home isolation report (empty: none). */
  warningSigns: Type.Array(Type.String()),
  lastReportAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(CaseStatus),
    unitCode: Type.Optional(Type.String({ maxLength: 10, pattern: '^[0-9]{2,5}$' })),
    treatment: Type.Optional(TreatmentKind),
    classification: Type.Optional(Type.String({ maxLength: 40 })),
    warning: Type.Optional(Type.Boolean()),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;
export const CaseList = Type.Object({ items: Type.Array(CaseSummary), total: Type.Integer() });
export type CaseList = Static<typeof CaseList>;

export const CaseConfirmation = Type.Object({
  kind: Type.String(),
  barcode: Nullable(Type.String()),
  labId: Nullable(Type.String()),
  testType: Nullable(Type.String()),
  sampleDate: Day,
  ruleVersion: Type.String(),
  confirmedAt: Type.String(),
  note: Nullable(Type.String()),
  /** When a lab's correction of its result annulled this confirmation (kept, marked, for the history). */
  annulledAt: Nullable(Type.String()),
});
export const TreatmentPlace = Type.Object({
  kind: TreatmentKind,
  facility: Nullable(Type.String()),
  fromAt: Type.String(),
  note: Nullable(Type.String()),
});
export const CaseHistoryEntry = Type.Object({
  version: Type.Integer(),
  changed: Type.Array(Type.String()),
  at: Type.String(),
  by: Nullable(Type.String()),
});
export const IsolationReport = Type.Object({
  id: Type.String(),
  reportedAt: Type.String(),
  reportDay: Day,
  spo2: Nullable(Type.Integer()),
  temperature: Nullable(Type.Number()),
  breathingRate: Nullable(Type.Integer()),
  symptoms: Type.Array(Type.String()),
  warningSigns: Type.Array(Type.String()),
  reportedBy: Type.Union([Type.Literal('self'), Type.Literal('staff')]),
});
export type IsolationReport = Static<typeof IsolationReport>;
export const VaccinationBrief = Type.Object({
  doses: Type.Integer(),
  primaryComplete: Type.Boolean(),
  lastDoseAt: Nullable(Type.String()),
});
export const ReleaseState = Type.Object({
  ruleVersion: Type.String(),
  earliestDay: Day,
  negativeTestFromDay: Day,
  negativeTest: Nullable(Type.Object({ barcode: Type.String(), sampleDate: Day })),
  releasable: Type.Boolean(),
  releasedAt: Nullable(Type.String()),
  noteNumber: Nullable(Type.String()),
});
export type ReleaseState = Static<typeof ReleaseState>;

export const CaseDetail = Type.Object({
  case: CaseSummary,
  person: Type.Object({
    fullName: Type.String(),
    birthYear: Type.Integer(),
    sex: Type.String(),
    phone: Nullable(Type.String()),
    street: Nullable(Type.String()),
  }),
  sourceCaseId: Nullable(Type.String()),
  clusterId: Nullable(Type.String()),
  isolatedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  confirmations: Type.Array(CaseConfirmation),
  treatmentPlaces: Type.Array(TreatmentPlace),
  history: Type.Array(CaseHistoryEntry),
  vaccination: VaccinationBrief,
  reports: Type.Array(IsolationReport),
  release: ReleaseState,
});
export type CaseDetail = Static<typeof CaseDetail>;

export const ManualCaseBody = Type.Object(
  {
    personId: Type.String({ format: 'uuid' }),
    kind: Type.Union([Type.Literal('manual'), Type.Literal('rapid_test_of_contact')]),
    sampleDate: Day,
    testType: Type.Optional(Type.Union([Type.Literal('rt_pcr'), Type.Literal('rapid_antigen')])),
    /** Where it was confirmed (a hospital, another province's lab): free text, shown to officers. */
    confirmedBy: Type.Optional(Type.String({ maxLength: 200 })),
    symptomOnset: Type.Optional(Day),
    /** For a rapid test: the person is a confirmed close contact (F1), or has symptoms. */
    isContact: Type.Optional(Type.Boolean()),
    symptomatic: Type.Optional(Type.Boolean()),
    treatmentKind: Type.Optional(TreatmentKind),
    treatmentFacility: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ManualCaseBody = Static<typeof ManualCaseBody>;
export const OpenCaseAnswer = Type.Object({
  id: Type.String(),
  opened: Type.Boolean(),
  version: Type.Integer(),
});

export const CasePatchBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    symptomOnset: Type.Optional(Nullable(Day)),
    classification: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    isolatedAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
    sourceCaseId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    clusterId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    /** Closing a case with a death; a recovery is a release (POST …/release). */
    outcome: Type.Optional(Type.Literal('died')),
  },
  { additionalProperties: false },
);
export type CasePatchBody = Static<typeof CasePatchBody>;

export const TransferBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    kind: TreatmentKind,
    facility: Type.Optional(Type.String({ maxLength: 200 })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

export const VersionBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** The answer of a change to a case (a patch, a transfer, a release): the case and its new version. */
export const CaseVersion = Type.Object({ id: Type.String(), version: Type.Integer() });
export type CaseVersion = Static<typeof CaseVersion>;

/** A release note as a PDF file (the answer is the file's bytes, not JSON). */
export const ReleaseNotePdf = Type.String({ format: 'binary', description: 'PDF (A4)' });

export const ReportBody = Type.Object(
  {
    /** Made by the page once per report: a retry sends the same one and gets the same report. */
    clientId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    spo2: Nullable(Type.Integer({ minimum: 50, maximum: 100 })),
    temperature: Nullable(Type.Number({ minimum: 30, maximum: 45 })),
    breathingRate: Nullable(Type.Integer({ minimum: 4, maximum: 80 })),
    symptoms: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;
export const ReportAnswer = Type.Object({
  report: IsolationReport,
  /** Warning signs raise an alert to the commune's medical team at once. */
  escalated: Type.Boolean(),
  advice: Nullable(Bilingual),
});
export type ReportAnswer = Static<typeof ReportAnswer>;

export const MissedReport = Type.Object({
  caseId: Type.String(),
  personName: Type.String(),
  communeCode: Type.String(),
  lastReportAt: Nullable(Type.String()),
  daysMissed: Type.Integer(),
});
export const MissedReportList = Type.Object({ day: Day, items: Type.Array(MissedReport) });
export type MissedReportList = Static<typeof MissedReportList>;

/** A case at home as the community team sees it: whom to call and how the last report went. */
export const HomeCareItem = Type.Object({
  caseId: Type.String(),
  personName: Type.String(),
  /** Day of isolation, 1 on the day the case was confirmed. */
  day: Type.Integer(),
  reportedToday: Type.Boolean(),
  lastReportAt: Nullable(Type.String()),
  lastSpo2: Nullable(Type.Integer()),
  /** The last report showed a warning sign. */
  warning: Type.Boolean(),
});
export type HomeCareItem = Static<typeof HomeCareItem>;
export const HomeCareList = Type.Object({
  day: Day,
  items: Type.Array(HomeCareItem),
  symptoms: Type.Array(Type.Object({ id: Type.String(), label: Bilingual, warning: Type.Boolean() })),
});
export type HomeCareList = Static<typeof HomeCareList>;

export const Question = Type.Object({
  id: Type.String(),
  type: Type.String(),
  required: Type.Boolean(),
  label: Bilingual,
  maxLength: Type.Optional(Type.Integer()),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Bilingual }))),
});
export const Investigation = Type.Object({
  questionSetVersion: Type.String(),
  questions: Type.Array(Question),
  answers: Type.Record(Type.String(), Type.Unknown()),
  version: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  /** What the platform already knows, for the officer to check with the case. */
  known: Type.Object({
    windowFrom: Day,
    windowTo: Day,
    checkins: Type.Array(Type.Object({ venueName: Type.String(), at: Type.String() })),
    declarations: Type.Array(
      Type.Object({ kind: Type.String(), at: Type.String(), hasWarning: Type.Boolean() }),
    ),
    household: Type.Array(
      Type.Object({ personId: Type.String(), fullName: Type.String(), relation: Type.String() }),
    ),
    tests: Type.Array(
      Type.Object({
        barcode: Type.String(),
        result: Type.String(),
        testType: Type.String(),
        releasedAt: Type.String(),
      }),
    ),
  }),
});
export type Investigation = Static<typeof Investigation>;
export const InvestigationBody = Type.Object(
  {
    version: Type.Integer({ minimum: 0 }),
    answers: Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 60 }),
  },
  { additionalProperties: false },
);
export type InvestigationBody = Static<typeof InvestigationBody>;

/** A citizen's own case: no contacts, no source, no officer's notes. */
export const MyCase = Type.Object({
  case: Nullable(
    Type.Object({
      id: Type.String(),
      status: CaseStatus,
      confirmedAt: Type.String(),
      treatmentKind: TreatmentKind,
      reportedToday: Type.Boolean(),
      reports: Type.Array(IsolationReport),
      release: ReleaseState,
    }),
  ),
  symptoms: Type.Array(Type.Object({ id: Type.String(), label: Bilingual, warning: Type.Boolean() })),
});
export type MyCase = Static<typeof MyCase>;

export const CaseRules = Type.Object({
  severityLevels: Type.Array(Type.Object({ id: Type.String(), label: Bilingual, homeCare: Type.Boolean() })),
  symptoms: Type.Array(Type.Object({ id: Type.String(), label: Bilingual, warning: Type.Boolean() })),
  homeCareVersion: Type.String(),
});
export type CaseRules = Static<typeof CaseRules>;
