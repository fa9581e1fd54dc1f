/** Kinds of check-in point, as data: the web shows the labels, the server validates the codes. */
export const VENUE_KINDS = {
  office: { vi: 'Cơ quan, văn phòng', en: 'Office' },
  shop: { vi: 'Cửa hàng', en: 'Shop' },
  market: { vi: 'Chợ', en: 'Market' },
  factory: { vi: 'Nhà máy, xí nghiệp', en: 'Factory' },
  school: { vi: 'Trường học', en: 'School' },
  hospital: { vi: 'Bệnh viện, cơ sở y tế', en: 'Hospital, clinic' },
  restaurant: { vi: 'Nhà hàng, quán ăn', en: 'Restaurant' },
  bus_coach: { vi: 'Xe buýt, xe khách', en: 'Bus or coach' },
  truck: { vi: 'Xe tải', en: 'Truck' },
  ferry: { vi: 'Phà, tàu thuyền', en: 'Ferry or boat' },
  checkpoint: { vi: 'Chốt kiểm soát', en: 'Checkpoint' },
  event: { vi: 'Sự kiện', en: 'Event' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type VenueKind = keyof typeof VENUE_KINDS;
export const VENUE_KIND_CODES = Object.keys(VENUE_KINDS) as VenueKind[];

/** Vehicles are identified by their plate number. */
export const VEHICLE_KINDS: readonly VenueKind[] = ['bus_coach', 'truck', 'ferry'];

export const isVenueKind = (k: string): k is VenueKind => Object.hasOwn(VENUE_KINDS, k);
