/**
 * Both drivers parse values the same way: int8 and numeric as JS numbers (our counts and Ct values fit),
 * `date` as 'YYYY-MM-DD' text (no time-zone shifts), timestamps as Date.
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: (v) => Number(v),
  [OID.NUMERIC]: (v) => Number(v),
  [OID.DATE]: (v) => v,
};
