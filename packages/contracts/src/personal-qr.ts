/**
 * Personal QR codes' HTTP shapes (the app's own code, printed card batches): the one source of truth
 * for server and web.
 */
import { Type, type Static } from 'typebox';
import { BilingualSchema, ColourSchema } from './status';

const Uuid = Type.String({ format: 'uuid' });

/** At most this many cards in one printed batch. */
export const MAX_CARDS_PER_BATCH = 2000;

export const MyQrQuery = Type.Object({ personId: Type.Optional(Uuid) }, { additionalProperties: false });

export const MyQrSchema = Type.Object({
  personId: Type.String(),
  token: Type.String(),
  colour: ColourSchema,
  reasons: Type.Array(BilingualSchema),
  ruleSetVersion: Type.String(),
  expiresAt: Type.String(),
});
export type MyQr = Static<typeof MyQrSchema>;

export const CardBatchBody = Type.Object(
  {
    personIds: Type.Optional(Type.Array(Uuid, { maxItems: MAX_CARDS_PER_BATCH })),
    allWithoutAccount: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CardBatchBody = Static<typeof CardBatchBody>;
export const CardBatchCreated = Type.Object({ id: Type.String(), cardCount: Type.Integer() });
export type CardBatchCreated = Static<typeof CardBatchCreated>;

export const CardBatchSchema = Type.Object({
  id: Type.String(),
  communeCode: Type.String(),
  cardCount: Type.Integer(),
  createdAt: Type.String(),
});
export type CardBatch = Static<typeof CardBatchSchema>;
export const CardBatchList = Type.Object({ items: Type.Array(CardBatchSchema) });

export const CardBatchParams = Type.Object({ id: Uuid });
export const CardRevokeParams = Type.Object({ tokenId: Type.String({ minLength: 4, maxLength: 40 }) });
export const CardRevokeBody = Type.Optional(
  Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
);
export const CardRevoked = Type.Object({ revoked: Type.Boolean() });
