/**
 * Grid geometry for the wall: how many tiles fit without scrolling, in how many columns and rows, and which page
 * shows now. Pure, so the page and the tests agree.
 *
 * Readability sets the limits: a tile is never smaller than 1/MAX_ROWS of the grid's height nor 1/MAX_COLUMNS
 * of its width (text is sized from the tile, so that is also the smallest text). Beyond that many tiles, the
 * wall rotates pages or shows "+N more".
 */

export const MAX_COLUMNS = 6;
export const MAX_ROWS = 5;
/** Tiles are laid out for this aspect ratio (a name over a few lines of detail). */
const TILE_ASPECT = 16 / 9;

export interface GridShape {
  columns: number;
  rows: number;
}

export interface WallLayout extends GridShape {
  /** Tiles per page (columns × rows, or fewer when everything fits on one page). */
  perPage: number;
}

/** Best grid for `count` tiles in a `width` × `height` area; `columns` > 0 fixes the column count. */
export function gridFor(count: number, width: number, height: number, columns = 0): WallLayout {
  const n = Math.max(1, count);
  if (columns > 0) {
    // Rows as readability allows: at most MAX_ROWS, and no flatter than 4 : 1 tiles.
    const flattest = Math.max(1, Math.floor((height * columns * 4) / Math.max(1, width)));
    const rows = Math.min(Math.ceil(n / columns), MAX_ROWS, flattest);
    return { columns, rows, perPage: columns * rows };
  }
  let best: (WallLayout & { score: number }) | undefined;
  for (let cols = 1; cols <= MAX_COLUMNS; cols++) {
    const rows = Math.min(Math.ceil(n / cols), MAX_ROWS);
    const tileW = width / cols;
    const tileH = height / rows;
    // Size in "aspect units": how big a 16:9 tile fits in the cell; ties go to fewer pages, then more rows.
    const fits = Math.min(n, cols * rows);
    const score = Math.min(tileW / TILE_ASPECT, tileH) * (fits >= n ? 1 : 0.5 + 0.5 * (fits / n));
    if (!best || score > best.score + 1e-9) best = { columns: cols, rows, perPage: cols * rows, score };
  }
  const { columns: c, rows: r, perPage } = best!;
  return { columns: c, rows: r, perPage };
}

export interface Paged<T> {
  items: T[];
  page: number;
  pages: number;
  /** With rotation off: how many did not fit (shown as "+N more"), and which. */
  hidden: T[];
}

/**
 * The tiles on screen now. With rotation, the page comes from the clock (`now / rotateMs`), not from a tick
 * counter, so a throttled timer or a sleep cannot make pages drift or stick. Without rotation, the last slot
 * becomes a "+N more" summary when tiles overflow.
 */
export function pageOf<T>(items: readonly T[], perPage: number, rotateMs: number, now: number): Paged<T> {
  if (items.length <= perPage) return { items: [...items], page: 0, pages: 1, hidden: [] };
  if (rotateMs <= 0) {
    const shown = Math.max(0, perPage - 1);
    return { items: items.slice(0, shown), page: 0, pages: 1, hidden: items.slice(shown) };
  }
  const pages = Math.ceil(items.length / perPage);
  const page = Math.floor(now / rotateMs) % pages;
  return { items: items.slice(page * perPage, (page + 1) * perPage), page, pages, hidden: [] };
}

/**
 * Burn-in protection: static chrome drifts a few pixels along a slow square path, one step every `stepMs`,
 * back where it started after 8 steps. From the clock, so every reload lands at the same place for a time.
 */
export function burnInOffset(now: number, stepMs = 5 * 60_000, amplitude = 4): { x: number; y: number } {
  const step = Math.floor(now / stepMs) % 8;
  const path: [number, number][] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [-1, 1],
    [-1, 0],
    [-1, -1],
    [0, -1],
  ];
  const [x, y] = path[step];
  return { x: x * amplitude, y: y * amplitude };
}
