export { authProcedures, userProcedures } from './procedures.js';
export { auditProcedures } from './audit-procedures.js';
export { writeAudit } from './audit-log.js';
export { lookupSession } from './sessions.js';
export { countUsers, createUser, findUser, getUser, listUsers, setPassword, setUserActive, toUserView } from './users.js';
