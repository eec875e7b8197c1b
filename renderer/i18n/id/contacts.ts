/** Bahasa Indonesia for the contacts screens (see ../id.ts). */
export const contactsId = {
  title: 'Kontak WP',
};
