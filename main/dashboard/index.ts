export { dashboardProcedures } from './procedures.js';
export { freshRollups, rollupsSettled, setRollupPolicy, stopRollups, type RollupStatus } from './rollups.js';
