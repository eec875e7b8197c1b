import type { contactsId } from '../id/contacts';

/** English for the contacts screens; the keys are Indonesian's. */
export const contactsEn: typeof contactsId = {
  title: 'Taxpayer contacts',
};
