export { dashboardProcedures } from './procedures.js';
export { freshRollups, type RollupStatus } from './rollups.js';
