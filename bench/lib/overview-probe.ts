import type { Page } from "@playwright/test";

export interface OverviewTimes {
  /** ms after navigation start when the first pipeline row was in the DOM. */
  firstRow?: number;
  /** ms after navigation start when every row inside the viewport had its status (no "Loading status…"). */
  allVisibleStatus?: number;
  visibleRows?: number;
}

declare global {
  interface Window {
    __benchOverview?: OverviewTimes;
  }
}

/**
 * Installed before the app's scripts: a requestAnimationFrame loop that timestamps, relative to the
 * navigation (performance.now), the first frame where a condition holds, so the figure does not include
 * the round trips of polling from Node.
 */
export async function installOverviewProbe(page: Page): Promise<void> {
  // A string, not a function: tsx (esbuild keepNames) would wrap named inner functions in a helper the page lacks.
  await page.addInitScript(`(() => {
    const times = {};
    window.__benchOverview = times;
    const tick = () => {
      const rows = [...document.querySelectorAll('[aria-label="Pipelines"] li')].filter((li) => li.querySelector('a[href^="/pipelines/"]'));
      if (rows.length > 0) {
        times.firstRow ??= performance.now();
        const visible = rows.filter((li) => {
          const r = li.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight;
        });
        if (visible.length > 0 && visible.every((li) => !li.innerText.includes("Loading status"))) {
          times.allVisibleStatus ??= performance.now();
          times.visibleRows = visible.length;
        }
      }
      if (times.allVisibleStatus === undefined) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

export async function overviewTimes(page: Page, timeoutMs: number): Promise<OverviewTimes> {
  await page.waitForFunction(() => window.__benchOverview?.allVisibleStatus !== undefined, undefined, { timeout: timeoutMs });
  return page.evaluate(() => ({ ...window.__benchOverview }));
}

/** Names and health of the rows inside the viewport now. */
export function visibleOverviewRows(page: Page): Promise<{ name: string; status: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[aria-label="Pipelines"] li')]
      .filter((li) => {
        const r = li.getBoundingClientRect();
        return li.querySelector('a[href^="/pipelines/"]') && r.bottom > 0 && r.top < window.innerHeight;
      })
      .map((li) => ({
        name: (li.querySelector('a[href^="/pipelines/"]') as HTMLElement).innerText.trim(),
        status: (li as HTMLElement).innerText,
      })),
  );
}
