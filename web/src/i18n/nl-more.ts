// Dutch texts of the parent view, the pupil page and administration (features/screens-more.tsx).
export const moreNl = {};
