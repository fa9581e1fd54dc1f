import type { DeclarationHold } from '@phongdich/contracts/declarations';

/** API shapes of investigation holds (see /docs, tags "checkins" and "declarations"). */
export interface CheckinHold {
  id: string;
  personId: string | null;
  venueId: string | null;
  venueName: string | null;
  /** The held person's commune (null for a point's hold): area lists show it instead of a name. */
  personCommuneName: string | null;
  from: string;
  to: string;
  heldUntil: string;
  reason: string;
  active: boolean;
  createdAt: string;
  createdByName: string | null;
  /** Ended early by an officer (null: runs, or ran, to heldUntil). */
  releasedAt: string | null;
  releasedByName: string | null;
}

// Declaration holds come from the server's schemas (packages/contracts).
export type { DeclarationHold } from '@phongdich/contracts/declarations';

/** One line of the list: check-in holds carry a time range, declaration holds do not. */
export type HoldItem = ({ kind: 'checkins' } & CheckinHold) | ({ kind: 'declarations' } & DeclarationHold);

/** Whose data is held: a person (check-ins and declarations) or a point (check-ins only). */
export type HoldSubject = { kind: 'person'; id: string } | { kind: 'venue'; id: string };
