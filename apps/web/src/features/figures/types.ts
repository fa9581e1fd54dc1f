/** API shapes of /api/figures (see /docs, tag "figures"). */
export type FigureLevel = 'province' | 'district' | 'commune' | 'venue';

export interface FigureRow {
  unitCode: string;
  unitName: string;
  day: string;
  points: number;
  checkins: number;
  declarations: number;
}

export interface FiguresResult {
  level: FigureLevel;
  unitCode: string | null;
  unitName: string | null;
  from: string;
  to: string;
  rows: FigureRow[];
}
