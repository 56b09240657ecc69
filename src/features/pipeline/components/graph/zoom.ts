/**
 * Semantic zoom: below this zoom actions are unreadable anyway, so they (and order edges) are hidden
 * and stages show a count per status instead. Fitting 50×50 to the screen then renders 50 nodes,
 * not 2550.
 */
export const DETAIL_ZOOM = 0.3;
