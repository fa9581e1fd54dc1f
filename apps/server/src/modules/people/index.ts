// Public surface of the people registry for other modules.
export { auditContext } from './people.routes';
export { familyOf } from './people.repository';
export { loadPerson } from './people.common';
export { locationOf } from './people.view';
export { citizenAccount, personIdByPhone } from './people.search.repository';
export type { PersonRow } from './people.types';
export { idempotencyKeyOf } from './people.routes';
