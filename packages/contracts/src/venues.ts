/** A check-in point as the API shows it; the server narrows `Kind` to its list of venue kinds. */
export type VenueStatus = 'pending' | 'active' | 'suspended';

export interface Venue<Kind extends string = string> {
  id: string;
  kind: Kind;
  name: string;
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
  /** "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội". */
  areaName: string;
  street: string | null;
  plateNumber: string | null;
  ownerPhone: string;
  status: VenueStatus;
  statusReason: string | null;
  reviewed: boolean;
  requiresDeclarationHours: number | null;
  parentId: string | null;
  childCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Only when reading one point: may the caller run it (owner/staff) or review it (officer)? */
  access?: { manage: boolean; review: boolean };
}
