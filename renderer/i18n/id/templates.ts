/** Bahasa Indonesia for the templates screens (see ../id.ts). */
export const templatesId = {
  title: 'Template pesan',
};
