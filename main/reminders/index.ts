export { reminderProcedures } from './procedures.js';
export { planReminders, type PlanResult } from './planner.js';
export { startPlannerSchedule } from './schedule.js';
export { thankForPayments, type ThankYouResult } from './thank-you.js';
