import { contract, type ProcedureName } from '../../shared/api/index';
import type { Role } from '../../shared/roles';

/** Whether the backend lets this role call the procedure: a screen offers only what will be allowed. */
export function mayCall(role: Role, name: ProcedureName): boolean {
  const roles = contract[name].roles;
  return roles !== 'public' && roles.includes(role);
}
