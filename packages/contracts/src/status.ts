/**
 * A person's health-status colour as the HTTP API answers it (officers' status read, the scanner):
 * the one source of truth for server and web.
 */
import { Type, type Static } from 'typebox';

// Orange is a contact (F1) under the vn-2021.2 rules; red stays a case (F0).
export const ColourSchema = Type.Union([
  Type.Literal('green'),
  Type.Literal('yellow'),
  Type.Literal('orange'),
  Type.Literal('red'),
]);
export type Colour = Static<typeof ColourSchema>;

export const BilingualSchema = Type.Object({ vi: Type.String(), en: Type.String() });
export type Bilingual = Static<typeof BilingualSchema>;

export const StatusParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const PersonStatusSchema = Type.Object({
  colour: ColourSchema,
  reasons: Type.Array(BilingualSchema),
  ruleSetVersion: Type.String(),
});
export type PersonStatus = Static<typeof PersonStatusSchema>;

export const StatusRulesSchema = Type.Object({
  sources: Type.Array(Type.String()),
  ruleSets: Type.Array(Type.Object({}, { additionalProperties: true })),
});
export type StatusRules = Static<typeof StatusRulesSchema>;
