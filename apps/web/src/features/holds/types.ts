import type { CheckinHold } from '@phongdich/contracts/checkins';
import type { DeclarationHold } from '@phongdich/contracts/declarations';

// Check-in and declaration holds come from the server's schemas (packages/contracts).
export type { CheckinHold } from '@phongdich/contracts/checkins';
export type { DeclarationHold } from '@phongdich/contracts/declarations';

/** One line of the list: check-in holds carry a time range, declaration holds do not. */
export type HoldItem = ({ kind: 'checkins' } & CheckinHold) | ({ kind: 'declarations' } & DeclarationHold);

/** Whose data is held: a person (check-ins and declarations) or a point (check-ins only). */
export type HoldSubject = { kind: 'person'; id: string } | { kind: 'venue'; id: string };
