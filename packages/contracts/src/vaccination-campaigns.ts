/**
 * Vaccination campaigns as an officer lists them (issue #12 §2, task vacc12): the HTTP shapes the
 * server validates with and the web types itself with.
 */
import { Type, type Static } from 'typebox';

export const CampaignListQuery = Type.Object(
  {
    /** Only campaigns still running today (Viet Nam), the default; `false` lists ended ones too. */
    current: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type CampaignListQueryT = Static<typeof CampaignListQuery>;

export const CampaignSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  disease: Type.String(),
  products: Type.Array(Type.String()),
  targetGroups: Type.Array(Type.String()),
  /** The area the campaign covers (a province, district or commune) and its name. */
  areaCode: Type.String(),
  areaName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
});
export type CampaignSummary = Static<typeof CampaignSummarySchema>;

export const CampaignListSchema = Type.Object({
  items: Type.Array(CampaignSummarySchema),
  /** How many campaigns match in all (the page is `limit` of them from `offset`). */
  total: Type.Integer(),
});
export type CampaignList = Static<typeof CampaignListSchema>;
