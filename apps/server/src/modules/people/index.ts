/**
 * Public surface of the people module: the only file other modules (and app.ts) may import.
 * People: the shared person registry, family links, merges, citizens' own record. Owns tables: persons, person_history, person_family_links.
 */
export { peopleRoutes } from './people.routes';
export { peopleMeRoutes } from './people.me.routes';
export { loadPerson, validPersonFields, isUniqueViolation } from './people.common';
export { normalizePersonInput, type PersonInput } from './people.input';
export { citizenPersonId, citizenMayRead } from './people.policy';
export { findPerson, familyOf, findByIdNumbers, personIdsWithDocument } from './people.repository';
export { personIdByPhone, citizenAccount, searchPersons } from './people.search.repository';
export type { PersonRow } from './people.types';
export { locationOf, toSummary } from './people.view';
export { createPersonIn, peopleWriteService } from './people.write.service';
export { peopleMeService } from './people.me.service';
export { householdOf, personAreas, personBriefs, type PersonBrief } from './people.household';
export {
  matchPeople,
  insertPeopleBatch,
  matchCandidates,
  type MatchCandidate,
  type PersonMatchKey,
  type PersonMatch,
  type MatchTier,
} from './people.match.repository';
export type { PersonFields } from './people.types';
export { livePersonIdByDocument, type PersonDocumentKind } from './people.documents';
