/**
 * Public surface of the geo module: the only file other modules (and app.ts) may import.
 * Geo: administrative units (pre-2025 and 2025) and their mapping. Owns tables: admin_units, admin_unit_mapping_2025, reference_data.
 */
export { geoRoutes } from './geo.routes';
export { unitMoveRoutes } from './move/move.routes';
export { loadAdminUnits } from './geo.loader';
export { adminUnitsDataVersion } from './geo.data';
export {
  findUnit,
  findUnitRef,
  locationOfCommune,
  mappedTo2025,
  unitNames,
  type Unit,
  type UnitRef,
  type Structure,
} from './geo.repository';
export { runMove, latestMoveRun, type MoveRun } from './move/move.service';
export { listReviews, resolveReview } from './move/move.reviews';
