export { templateProcedures } from './procedures.js';
export { seedDefaultTemplates } from './seed-defaults.js';
export { usableTemplate } from './usable-template.js';
export type { TemplateVersion } from './template-store.js';
export { MAX_BILLS_PER_MESSAGE } from './longest-values.js';
