export { templateProcedures } from './procedures.js';
export { seedDefaultTemplates } from './seed-defaults.js';
export { usableTemplate } from './usable-template.js';
export type { TemplateVersion } from './template-store.js';
