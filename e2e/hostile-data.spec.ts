import { ListPipelineExecutionsCommand } from "@aws-sdk/client-codepipeline";
import type { Page } from "@playwright/test";
import { HOSTILE_NAMES } from "../emulator/src/scenarios/hostile";
import { expect, test } from "./fixtures";

/**
 * The emulator's hostile scenario (test data, not in the demo): markup, script tags, long unbroken strings,
 * right-to-left text and emoji in every free-text field, javascript:/data:/vbscript: URLs in every URL field.
 * Each page must show it as text.
 */

const name = HOSTILE_NAMES.pipeline;

/** What a page must never do with hostile data, checked in the DOM rather than trusted to the CSP. */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => ({
    injected: document.querySelectorAll('img[src="x"], svg[onload], iframe, script:not([src])').length,
    badLinks: [...document.querySelectorAll<HTMLAnchorElement>("a[href]")]
      .map((a) => a.href)
      .filter((href) => !/^https?:\/\//.test(href)),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  expect(found.injected, "elements made from hostile markup").toBe(0);
  expect(found.badLinks, "links that are not http(s)").toEqual([]);
  expect(found.overflow, "horizontal overflow of the page in px").toBeLessThanOrEqual(0);
}

/**
 * Text from AWS containing a right-to-left override (U+202E) must sit in an element that isolates it
 * (computed `unicode-bidi: isolate`, as a <bdi> has), or it reverses the text around it. Checks every
 * text node of `main` carrying one; at least one must be there, or the check proves nothing.
 */
async function expectBidiIsolated(page: Page) {
  // Data arrives after the page shows: wait for the text before judging how it is held.
  await expect(page.getByRole("main")).toContainText("\u202E");
  const found = await page.getByRole("main").evaluate((main) => {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const leaking: string[] = [];
    let carriers = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes("\u202E")) continue;
      carriers++;
      const holder = node.parentElement!;
      if (getComputedStyle(holder).unicodeBidi !== "isolate") leaking.push(`<${holder.tagName.toLowerCase()}> ${node.textContent.slice(0, 80)}`);
    }
    return { carriers, leaking };
  });
  expect(found.carriers, "text nodes with a right-to-left override").toBeGreaterThan(0);
  expect(found.leaking, "right-to-left overrides not isolated from their neighbours").toEqual([]);
}

test("hostile names, messages and URLs render as plain text on every page, never as links or markup", async ({ page, emulator, sdk }, testInfo) => {
  test.setTimeout(90_000);
  await emulator.loadNamedScenario("hostile");
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto("/");
  const row = page.getByRole("list", { name: "Pipelines" }).getByRole("listitem").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText("Waiting for approval");
  await expectInert(page);
  await expectBidiIsolated(page);
  await page.screenshot({ path: testInfo.outputPath("hostile-overview.png"), fullPage: true });

  await page.goto(`/pipelines/${name}`);
  const graph = page.getByRole("region", { name: /stages and actions/ });
  await expect(graph).toContainText("Failed");
  // The error message arrives as text, tags and all.
  await expect(page.getByRole("main")).toContainText('<script>alert("xss")</script>');
  await expectInert(page);
  await expectBidiIsolated(page);
  await page.screenshot({ path: testInfo.outputPath("hostile-pipeline.png"), fullPage: true });

  await page.getByRole("button", { name: "Review approval Review" }).click();
  const review = page.getByRole("dialog", { name: "Review approval Review in Approve" });
  await expect(review).toContainText(name);
  await expectInert(page);
  await page.keyboard.press("Escape");

  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByRole("table", { name: `Execution history of ${name}` })).toBeVisible();
  await expectBidiIsolated(page);

  await page.goto("/approvals");
  const card = page.getByRole("article").filter({ hasText: name });
  await expect(card).toContainText("<script>alert(\"xss\")</script>");
  await expect(card).toContainText("<a href=\"javascript:alert('link')\">click</a>");
  await expect(card).toContainText("مرحبا بالعالم");
  await expectInert(page);
  await expectBidiIsolated(page);
  await page.screenshot({ path: testInfo.outputPath("hostile-approvals.png"), fullPage: true });

  const executions = (await sdk.send(new ListPipelineExecutionsCommand({ pipelineName: name }))).pipelineExecutionSummaries!;
  await page.goto(`/pipelines/${name}/executions/${executions.at(-1)!.pipelineExecutionId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Execution");
  await expect(page.getByRole("main")).toContainText("Failed");
  await expectInert(page);
  await expectBidiIsolated(page);
  await page.screenshot({ path: testInfo.outputPath("hostile-execution.png"), fullPage: true });

  await page.goto("/wall");
  await expect(page.getByRole("listitem", { name: new RegExp(`^${name.replace(/[.]/g, "\\.")}: `) })).toBeVisible();
  await expectInert(page);
  await expectBidiIsolated(page);
  await page.screenshot({ path: testInfo.outputPath("hostile-wall.png") });

  expect(dialogs).toEqual([]);
});
