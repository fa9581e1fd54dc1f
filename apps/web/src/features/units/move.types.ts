/** What /api/units/move and its review list answer (geo/move/move.routes.ts). */
export interface MoveTableProgress {
  after: string | null;
  moved: number;
  review: number;
  done: boolean;
}

export interface MoveRun {
  id: string;
  status: 'running' | 'done';
  progress: Record<string, MoveTableProgress>;
  startedAt: string;
  finishedAt: string | null;
}

export interface MoveReview {
  id: string;
  table: string;
  reason: 'split' | 'unmapped' | 'district';
  oldPath: string;
  oldName: string | null;
  provinceCode: string | null;
  candidates: { code: string; name: string }[];
  status: 'open' | 'resolved';
  resolvedCode: string | null;
}
