/**
 * Public surface of the figures module: the only file other modules (and app.ts) may import.
 * Figures: daily counts per area and venue, rolled up. Owns tables: daily_venue_counts, daily_count_refreshes.
 */
export { figuresRoutes } from './figures.routes';
