import type { templatesId } from '../id/templates';

/** English for the templates screens; the keys are Indonesian's. */
export const templatesEn: typeof templatesId = {
  title: 'Message templates',
};
