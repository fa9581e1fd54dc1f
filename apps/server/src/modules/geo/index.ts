// Public surface of the administrative units for other modules.
export { locationOfCommune } from './geo.repository';
export { findUnit } from './geo.repository';
