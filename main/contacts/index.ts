export { contactProcedures } from './procedures.js';
export { refreshContacts, ensureContacts } from './refresh.js';
export { stashContactsOfRun } from './contact-stash.js';
export { recordDeliveryProblem, recordDelivered, type DeliveryReport, type DeliveryProblem } from './delivery-feedback.js';
export { reachability } from './reachability.js';
