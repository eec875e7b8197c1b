/** The four kinds of staff who use SI PEKA (see domain.md, "People and words"). */
export const ROLES = ['admin', 'officer', 'treasurer', 'head'] as const;
export type Role = (typeof ROLES)[number];
export const ALL_ROLES: readonly Role[] = ROLES;
