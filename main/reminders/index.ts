export { reminderProcedures } from './procedures.js';
export { planReminders, type PlanResult } from './planner.js';
export { startPlannerSchedule } from './schedule.js';
