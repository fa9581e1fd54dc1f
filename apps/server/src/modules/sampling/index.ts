/**
 * Public surface of the sampling module: the only file other modules (and app.ts) may import.
 * Sampling: sessions, targets, tubes, samples, shipments and labels. Owns tables: testing_sessions, testing_sites, testing_targets, testing_team_members, tubes, tube_members, tube_barcode_sequences, tube_label_batches, shipments, shipment_tubes.
 */
export { samplingRoutes } from './sampling.routes';
export { samplingFigures } from './sampling.figures';
export { markTubesResulted } from './tubes.status';
