/**
 * Contact tracing's HTTP shapes (issue #13 §2–3): contacts, proximity logs, the chain graph, clusters.
 * The server validates with these schemas; the web uses the static types derived from them.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date' });

export const IdParams = Type.Object({ id: Uuid });
export const ContactStatus = Type.Union([
  Type.Literal('candidate'),
  Type.Literal('confirmed'),
  Type.Literal('dismissed'),
  Type.Literal('withdrawn'),
]);
export const ContactsQuery = Type.Object({
  status: Type.Optional(ContactStatus),
  venueId: Type.Optional(Uuid),
  generation: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export const AreaContactsQuery = Type.Object({
  status: Type.Optional(ContactStatus),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export const DismissBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const BulkBody = Type.Object(
  {
    venueId: Uuid,
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('dismiss')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const NamedBody = Type.Object(
  { personId: Uuid, note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

// A line of the investigation's "close contacts" answer that waits for an officer (task tracing).
export const NamedLine = Type.Object({
  id: Type.String(),
  fullName: Nullable(Type.String()),
  phones: Type.Array(Type.String()),
  idNumbers: Type.Array(Type.String()),
  status: Type.Union([
    Type.Literal('matched'),
    Type.Literal('pending'),
    Type.Literal('ambiguous'),
    Type.Literal('registered'),
    Type.Literal('withdrawn'),
  ]),
  personId: Nullable(Type.String()),
});
export const NamedLines = Type.Object({ items: Type.Array(NamedLine) });
export const ResolveNamedBody = Type.Object({ personId: Uuid }, { additionalProperties: false });
// trace13: the lines waiting for an officer across the caller's area, and a person registered from one.
export const NamedWaitingLine = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  lineNo: Type.Integer(),
  fullName: Nullable(Type.String()),
  phones: Type.Array(Type.String()),
  idNumbers: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('ambiguous')]),
  /** The case's commune: the new person is registered there unless the officer says otherwise. */
  communeCode: Type.String(),
  createdAt: Type.String(),
});
export const NamedWaiting = Type.Object({ items: Type.Array(NamedWaitingLine) });
/** The person's fields as the registry takes them (people's PersonBody), prefilled from the line. */
export { PersonBody as RegisterNamedBody } from './people';
export const RegisterNamedAnswer = Type.Object({
  personId: Type.String(),
  contactId: Nullable(Type.String()),
  caseId: Type.String(),
  /** False: the line had already been registered (a retry): that person is answered, none is added. */
  created: Type.Boolean(),
});

export const Evidence = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('checkin'),
      Type.Literal('household'),
      Type.Literal('proximity'),
      Type.Literal('named'),
    ]),
    venueId: Type.Optional(Type.String()),
    venueKind: Type.Optional(Type.String()),
    via: Type.Optional(Type.String()),
    from: Type.Optional(Type.String()),
    to: Type.Optional(Type.String()),
    overlapMinutes: Type.Optional(Type.Number()),
    estimated: Type.Optional(Type.Boolean()),
    relation: Type.Optional(Type.String()),
    at: Type.Optional(Type.String()),
    durationMinutes: Type.Optional(Type.Number()),
    rssi: Type.Optional(Type.Number()),
    note: Type.Optional(Type.String()),
    namedId: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);
export const Contact = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  subjectKind: Type.String(),
  subjectId: Type.String(),
  personId: Type.String(),
  fullName: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  phones: Type.Array(Type.String()),
  generation: Type.Integer(),
  exposureDate: Nullable(Type.String()),
  score: Type.Number(),
  status: ContactStatus,
  statusReason: Nullable(Type.String()),
  evidence: Type.Array(Evidence),
  communeCode: Type.String(),
  masked: Type.Boolean(),
  version: Type.Integer(),
});
export const CaseContacts = Type.Object({
  caseId: Type.String(),
  caseInArea: Type.Boolean(),
  items: Type.Array(Contact),
  venues: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() })),
});
export const TracedCases = Type.Object({
  items: Type.Array(
    Type.Object({
      caseId: Type.String(),
      windowStart: Type.String(),
      windowEnd: Type.String(),
      tracedAt: Type.String(),
      candidate: Type.Integer(),
      confirmed: Type.Integer(),
      dismissed: Type.Integer(),
    }),
  ),
});
export type TracedCases = Static<typeof TracedCases>;
export const AreaContacts = Type.Object({ items: Type.Array(Contact) });
export const Discovery = Type.Object({
  caseId: Type.String(),
  candidates: Type.Integer(),
  changed: Type.Integer(),
  clusters: Type.Array(Type.String()),
  windowStart: Type.String(),
  windowEnd: Type.String(),
});
export const BulkResult = Type.Object({ done: Type.Integer(), outsideArea: Type.Integer() });
export const Expansion = Type.Object({
  contactId: Type.String(),
  generation: Type.Integer(),
  candidates: Type.Integer(),
  changed: Type.Integer(),
});

/** A citizen's own notice: no case, no place, no other person. */
export const MyExposure = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  generation: Type.Integer(),
  exposureDate: Type.String(),
  followUpUntil: Type.String(),
  notifiedAt: Type.String(),
});
export const MyExposures = Type.Object({ items: Type.Array(MyExposure) });

export const IdsQuery = Type.Object({ day: Day });
export const ProximityIds = Type.Object({
  day: Type.String(),
  rotationMinutes: Type.Integer(),
  identifiers: Type.Array(
    Type.Object({ id: Type.String(), validFrom: Type.String(), validTo: Type.String() }),
  ),
});
export const UploadCode = Type.Object({ code: Type.String(), expiresAt: Type.String() });
/** Bounded: 5,000 encounters at most (the body limit holds them), each checked. */
export const UploadBody = Type.Object(
  {
    uploadId: Uuid,
    code: Type.String({ minLength: 6, maxLength: 12, pattern: '^[0-9A-Za-z]+$' }),
    encounters: Type.Array(
      Type.Object(
        {
          identifier: Type.String({ minLength: 22, maxLength: 22, pattern: '^[A-Za-z0-9_-]+$' }),
          at: Type.String({ format: 'date-time' }),
          durationMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
          rssi: Type.Integer({ minimum: -127, maximum: 0 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);
export const UploadResult = Type.Object({
  uploadId: Type.String(),
  encounters: Type.Integer(),
  resolved: Type.Integer(),
  duplicate: Type.Boolean(),
});

export const GraphQuery = Type.Object({
  caseId: Type.Optional(Uuid),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  unitCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,5}$' })),
  includeCandidates: Type.Optional(Type.Boolean()),
});
export const GraphNode = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('case'), Type.Literal('contact')]),
  generation: Type.Integer(),
  label: Type.String(),
  masked: Type.Boolean(),
  communeCode: Type.String(),
});
export const GraphEdge = Type.Object({
  id: Type.String(),
  source: Type.String(),
  target: Type.String(),
  generation: Type.Integer(),
  status: Type.String(),
  score: Type.Number(),
  exposureDate: Nullable(Type.String()),
  evidence: Type.Array(Type.String()),
});
export const Graph = Type.Object({
  nodes: Type.Array(GraphNode),
  edges: Type.Array(GraphEdge),
  truncated: Type.Boolean(),
});

export const ClusterStatus = Type.Union([
  Type.Literal('proposed'),
  Type.Literal('confirmed'),
  Type.Literal('closed'),
]);
export const ClustersQuery = Type.Object({ status: Type.Optional(ClusterStatus) });
// trace13: the clusters of the caller's area as listed (the officer's clusters page).
export const ClusterSummary = Type.Object({
  id: Type.String(),
  kind: Type.Union([
    Type.Literal('venue'),
    Type.Literal('workplace'),
    Type.Literal('household'),
    Type.Literal('area'),
  ]),
  anchor: Type.String(),
  name: Nullable(Type.String()),
  status: ClusterStatus,
  rulesVersion: Type.String(),
  proposedAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  communeCode: Type.String(),
  version: Type.Integer(),
  cases: Type.Integer(),
});
export const ClusterList = Type.Object({ items: Type.Array(ClusterSummary) });
// A cluster as confirm and close answer it (no counts: the page reloads its detail).
export const ClusterView = Type.Omit(ClusterSummary, ['cases']);
// trace13 §3: the cluster page, its cases, contacts and points over time. A case's person is masked
// outside the caller's area (a cluster may reach across a commune line); a case annulled by a result
// correction stays on a closed cluster's record, marked.
export const ClusterDetail = Type.Intersect([
  ClusterView,
  Type.Object({
    cases: Type.Array(
      Type.Object({
        caseId: Type.String(),
        personName: Nullable(Type.String()),
        masked: Type.Boolean(),
        windowStart: Type.String(),
        windowEnd: Type.String(),
        linkedAt: Type.String(),
        annulledAt: Nullable(Type.String()),
      }),
    ),
    contactsByDay: Type.Array(
      Type.Object({
        day: Type.String(),
        status: Type.String(),
        generation: Type.Integer(),
        count: Type.Integer(),
      }),
    ),
    venues: Type.Array(
      Type.Object({
        venueId: Type.String(),
        name: Nullable(Type.String()),
        firstAt: Type.String(),
        lastAt: Type.String(),
        cases: Type.Integer(),
      }),
    ),
  }),
]);
export const ClusterExpansion = Type.Object({
  clusterId: Type.String(),
  expanded: Type.Integer(),
  candidates: Type.Integer(),
});
export const ClusterNameBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export type Contact = Static<typeof Contact>;
export type ClusterSummary = Static<typeof ClusterSummary>;
export type ClusterList = Static<typeof ClusterList>;
export type ClusterView = Static<typeof ClusterView>;
export type ClusterDetail = Static<typeof ClusterDetail>;
export type ClusterExpansion = Static<typeof ClusterExpansion>;
export type CaseContacts = Static<typeof CaseContacts>;
export type MyExposures = Static<typeof MyExposures>;
export type Graph = Static<typeof Graph>;
export type GraphNode = Static<typeof GraphNode>;
export type GraphEdge = Static<typeof GraphEdge>;
export type ProximityIds = Static<typeof ProximityIds>;
export type UploadResult = Static<typeof UploadResult>;
export type Discovery = Static<typeof Discovery>;
export type NamedWaitingLine = Static<typeof NamedWaitingLine>;
export type NamedWaiting = Static<typeof NamedWaiting>;
export type RegisterNamedAnswer = Static<typeof RegisterNamedAnswer>;
