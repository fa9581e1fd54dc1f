import { Type } from 'typebox';

export const ShipmentBody = Type.Object(
  {
    labId: Type.String({ format: 'uuid' }),
    barcodes: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 2000 }),
    carrier: Type.String({ minLength: 1, maxLength: 200 }),
    sentAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export const ReceiveBody = Type.Object(
  { barcodes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 2000 }) },
  { additionalProperties: false },
);
export const Manifest = Type.Object({
  id: Type.String(),
  lab: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  sender: Type.String(),
  carrier: Type.String(),
  sentAt: Type.String(),
  receivedAt: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  tubeCount: Type.Integer(),
  people: Type.Integer(),
  missingCount: Type.Integer(),
  extraCount: Type.Integer(),
  tubes: Type.Array(
    Type.Object({
      barcode: Type.String(),
      status: Type.String(),
      members: Type.Integer(),
      sampleType: Type.Union([Type.String(), Type.Null()]),
      collectedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export const ShipmentList = Type.Object({ items: Type.Array(Manifest) });
export const ReceiveResult = Type.Object({
  shipmentId: Type.String(),
  received: Type.Array(Type.String()),
  missing: Type.Array(Type.String()),
  extra: Type.Array(Type.String()),
  manifest: Manifest,
});
export const LabList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), provinceCode: Type.String() }),
  ),
});
