// The figures' shapes come from the server's schemas (packages/contracts).
export type { FigureLevel, FigureRow, FiguresResult } from '@phongdich/contracts/figures';
