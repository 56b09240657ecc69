import {
  CodePipelineClient,
  GetPipelineCommand,
  UpdatePipelineCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { configFor, e2eConfig, expect, test } from "./fixtures";
import { pipeline, scenario } from "./fixtures/scenarios";

/**
 * The Definition tab end to end: the page drives the emulator; what CodePipeline holds afterwards is
 * read through the SDK, never through the page.
 */

/** This worker's emulator through the SDK (the worker-scoped `sdk` fixture), for the helpers below. */
let sdk: CodePipelineClient;
test.beforeAll(({ sdk: workerSdk }) => {
  sdk = workerSdk;
});
const current = async (name: string) => (await sdk.send(new GetPipelineCommand({ name }))).pipeline!;

/** What a colleague would do in another tab or the CLI. */
async function updateElsewhere(name: string, change: (d: PipelineDeclaration) => void) {
  const declaration = await current(name);
  change(declaration);
  await sdk.send(new UpdatePipelineCommand({ pipeline: declaration }));
}

const branchTo = (branch: string) => (d: PipelineDeclaration) => {
  d.stages![0].actions![0].configuration!.BranchName = branch;
};

const withGate = (d: PipelineDeclaration) => {
  d.stages!.splice(2, 0, {
    name: "Gate",
    actions: [{ name: "SignOff", actionTypeId: { category: "Approval", owner: "AWS", provider: "Manual", version: "1" }, runOrder: 1 }],
  });
};

const graph = (page: Page) => page.getByRole("region", { name: /stages and actions/ });

async function openDefinition(page: Page, name: string) {
  await page.goto(`/pipelines/${name}`);
  await page.getByRole("tab", { name: "Definition" }).click();
  await expect(page.getByRole("tabpanel", { name: "Definition" })).toBeVisible();
}

/** Replaces the editor's whole text, as a paste would. */
async function replaceEditorText(page: Page, label: string, text: string) {
  const editor = page.getByRole("textbox", { name: label });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

async function editedText(name: string, change: (d: PipelineDeclaration) => void) {
  const declaration = await current(name);
  change(declaration);
  return JSON.stringify(declaration, null, 2);
}

test("view: the declaration as JSON with ARN, version, tags, and a download", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario({ ...pipeline("def-view"), tags: [{ key: "team", value: "<b>payments</b>" }] }));
  await openDefinition(page, "def-view");
  const panel = page.getByRole("tabpanel", { name: "Definition" });
  await expect(panel.getByText("arn:aws:codepipeline:us-east-1:123456789012:def-view")).toBeVisible();
  // A hostile tag value renders as text.
  await expect(panel.getByText("team=<b>payments</b>")).toBeVisible();
  const json = panel.getByLabel("Definition of def-view, version 1 (JSON)");
  await expect(json).toContainText('"ProjectName": "app"');
  await expect(page).toHaveURL(/tab=definition/);

  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Download JSON" }).click()]);
  expect(download.suggestedFilename()).toBe("def-view-v1.json");
  const saved = JSON.parse(await readFile(await download.path(), "utf8")) as PipelineDeclaration;
  expect(saved).toEqual(await current("def-view"));
});

test("diff: an earlier version against the current one", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-diff")));
  await updateElsewhere("def-diff", branchTo("release"));
  await updateElsewhere("def-diff", withGate);
  await openDefinition(page, "def-diff");
  await page.getByLabel("Compare with version").selectOption("Version 1");
  const diff = page.getByRole("region", { name: "Changes from version 1 to version 3 (current)" });
  await expect(diff.getByRole("listitem")).toHaveText([
    'ChangedAction Source › Source: configuration.BranchName changed from "main" to "release"',
    "AddedStage Gate added",
  ]);
  await page.getByLabel("Compare with version").selectOption("Version 2");
  await expect(page.getByRole("region", { name: "Changes from version 2 to version 3 (current)" }).getByRole("listitem")).toHaveText(["AddedStage Gate added"]);
});

test("a valid edit saves a new version and the graph shows it", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-edit")));
  await openDefinition(page, "def-edit");
  await page.getByRole("button", { name: "Edit definition" }).click();
  await replaceEditorText(page, "Definition of def-edit (JSON)", await editedText("def-edit", withGate));
  await expect(page.getByText("No problems found by the browser-side checks.")).toBeVisible();
  await page.getByRole("button", { name: "Save as new version…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save version 2 of def-edit?" });
  await expect(dialog).toContainText("Updating a pipeline cancels its running executions. 1 execution is running now and will be cancelled.");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
  expect((await current("def-edit")).stages!.map((s) => s.name)).toEqual(["Source", "Build", "Gate", "Deploy"]);

  await page.getByRole("tab", { name: "Graph" }).click();
  await expect(graph(page).getByRole("region", { name: "Stage Gate" })).toBeVisible();
});

test("an invalid edit shows the error in place and changes nothing", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-invalid")));
  await openDefinition(page, "def-invalid");
  await page.getByRole("button", { name: "Edit definition" }).click();
  const broken = await editedText("def-invalid", (d) => {
    d.stages![2].actions![0].inputArtifacts = [{ name: "Typo" }];
  });
  await replaceEditorText(page, "Definition of def-invalid (JSON)", broken);
  const problem = page.getByRole("button", { name: /^Line \d+: Input artifact “Typo” of “Ship” is not an output of any action that runs before it\.$/ });
  await expect(problem).toBeVisible();
  // The inline marker sits on the offending value in the editor.
  await expect(page.locator(".cm-lintRange-error", { hasText: '"Typo"' })).toBeVisible();

  await page.getByRole("button", { name: "Save as new version…" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved: fix the problem listed above first." })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect((await current("def-invalid")).version).toBe(1);

  // Broken JSON is reported where it breaks.
  await replaceEditorText(page, "Definition of def-invalid (JSON)", broken.replace('"Typo"', '"Typo",'));
  await expect(page.getByRole("button", { name: /^Line \d+: Not valid JSON: expected a string in double quotes/ })).toBeVisible();
});

test("a structure only CodePipeline refuses is shown on the action it names, and nothing changes", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-server")));
  await openDefinition(page, "def-server");
  await page.getByRole("button", { name: "Edit definition" }).click();
  // Valid as far as the browser can tell (no artifact is missing), but a deploy action needs an input.
  await replaceEditorText(page, "Definition of def-server (JSON)", await editedText("def-server", (d) => void (d.stages![2].actions![0].inputArtifacts = [])));
  await expect(page.getByText("No problems found by the browser-side checks.")).toBeVisible();
  await page.getByRole("button", { name: "Save as new version…" }).click();
  await page.getByRole("dialog", { name: "Save version 2 of def-server?" }).getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: /^Line \d+: CodePipeline refused it: InvalidActionDeclarationException: Action 'Ship' in stage 'Deploy' has 0 input artifact/ }),
  ).toBeVisible();
  await expect(page.locator(".cm-lintRange-error", { hasText: '"Ship"' })).toBeVisible();
  // Said once, where it belongs.
  await expect(page.getByText(/InvalidActionDeclarationException/)).toHaveCount(1);
  expect((await current("def-server")).version).toBe(1);
});

/** 1-based line of the first `needle` after `after` in `text`: where the editor should point. */
function lineOf(text: string, after: string, needle: string) {
  const at = text.indexOf(needle, text.indexOf(after));
  return text.slice(0, at).split("\n").length;
}

test("a refusal naming an action and its stage is placed there, when other stages hold actions of the same name", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-names")));
  await openDefinition(page, "def-names");
  await page.getByRole("button", { name: "Edit definition" }).click();
  // A Build action in the Build stage and one in Deploy, which has no input: only CodePipeline refuses that.
  const text = await editedText("def-names", (d) => {
    d.stages![1].actions![0].name = "Build";
    d.stages![2].actions![0].name = "Build";
    d.stages![2].actions![0].inputArtifacts = [];
  });
  await replaceEditorText(page, "Definition of def-names (JSON)", text);
  await expect(page.getByText("No problems found by the browser-side checks.")).toBeVisible();
  await page.getByRole("button", { name: "Save as new version…" }).click();
  await page.getByRole("dialog", { name: "Save version 2 of def-names?" }).getByRole("button", { name: "Save" }).click();

  const line = lineOf(text, '"name": "Deploy"', '"name": "Build"');
  const problem = page.getByRole("button", { name: /CodePipeline refused it: InvalidActionDeclarationException: Action 'Build' in stage 'Deploy'/ });
  await expect(problem).toHaveAccessibleName(new RegExp(`^Line ${line}: `));
  // Choosing it puts the caret on that line.
  await problem.click();
  await expect(page.locator(".cm-activeLine")).toContainText('"name": "Build"');
  await expect(page.locator(".cm-lineNumbers .cm-activeLineGutter")).toHaveText(String(line));
});

test("a ValidationException is placed at the value its member path names, one problem per value", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-paths")));
  await openDefinition(page, "def-paths");
  await page.getByRole("button", { name: "Edit definition" }).click();
  const text = await editedText("def-paths", (d) => {
    d.stages![2].actions![0].roleArn = "not-a-role";
    d.stages![1].actions![0].region = "x".repeat(40);
  });
  await replaceEditorText(page, "Definition of def-paths (JSON)", text);
  await expect(page.getByText("No problems found by the browser-side checks.")).toBeVisible();
  await page.getByRole("button", { name: "Save as new version…" }).click();
  await page.getByRole("dialog", { name: "Save version 2 of def-paths?" }).getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("button", { name: /ValidationException: Value 'not-a-role' at 'pipeline\.stages\.3\.member\.actions\.1\.member\.roleArn'/ })).toHaveAccessibleName(
    new RegExp(`^Line ${lineOf(text, '"name": "Deploy"', '"roleArn"')}: `),
  );
  await expect(page.getByRole("button", { name: /ValidationException: Value 'x{40}' at 'pipeline\.stages\.2\.member\.actions\.1\.member\.region'/ })).toHaveAccessibleName(
    new RegExp(`^Line ${lineOf(text, '"name": "Build"', '"region"')}: `),
  );
  expect((await current("def-paths")).version).toBe(1);
});

test.describe("with credentials that may read but not write", () => {
  test.use({ config: configFor((url) => ({ ...e2eConfig(url), credentials: { type: "static", accessKeyId: "readonly", secretAccessKey: "readonly" } })) });

  test("saving says the role is read-only and keeps the edit", async ({ page, emulator }) => {
    await emulator.loadScenario(scenario(pipeline("def-denied")));
    await openDefinition(page, "def-denied");
    await page.getByRole("button", { name: "Edit definition" }).click();
    await replaceEditorText(page, "Definition of def-denied (JSON)", await editedText("def-denied", withGate));
    await page.getByRole("button", { name: "Save as new version…" }).click();
    const dialog = page.getByRole("dialog", { name: "Save version 2 of def-denied?" });
    await dialog.getByRole("button", { name: "Save" }).click();

    await expect(dialog.getByRole("alert")).toContainText("Your credentials are read-only");
    await expect(dialog.getByRole("alert")).toContainText("AccessDeniedException");
    expect((await current("def-denied")).version).toBe(1);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("textbox", { name: "Definition of def-denied (JSON)" })).toContainText('"name": "Gate"');
  });
});

test("a version conflict is caught before saving and its diff is shown", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-conflict")));
  await openDefinition(page, "def-conflict");
  await page.getByRole("button", { name: "Edit definition" }).click();
  await expect(page.getByText("Editing version 1.")).toBeVisible();
  await updateElsewhere("def-conflict", branchTo("hotfix"));

  await replaceEditorText(page, "Definition of def-conflict (JSON)", JSON.stringify({ ...(await sdk.send(new GetPipelineCommand({ name: "def-conflict", version: 1 }))).pipeline, executionMode: "QUEUED" }, null, 2));
  await page.getByRole("button", { name: "Save as new version…" }).click();
  await page.getByRole("dialog", { name: "Save version 2 of def-conflict?" }).getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Not saved: def-conflict changed since you opened the editor. It is now at version 2; you started from version 1." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Changes from version 1 to version 2" }).getByRole("listitem")).toHaveText([
    'ChangedAction Source › Source: configuration.BranchName changed from "main" to "hotfix"',
  ]);
  const stored = await current("def-conflict");
  expect(stored.version).toBe(2);
  expect(stored.executionMode).toBe("SUPERSEDED");

  await page.getByRole("button", { name: "Start again from version 2" }).click();
  await expect(page.getByText("Editing version 2.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Definition of def-conflict (JSON)" })).toContainText('"BranchName": "hotfix"');
});

test("create a pipeline by copying an existing one under a new name", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-original")));
  await openDefinition(page, "def-original");
  await page.getByRole("link", { name: "Copy to a new pipeline" }).click();
  await expect(page.getByRole("heading", { name: "New pipeline, copied from def-original" })).toBeVisible();
  const name = page.getByLabel("Pipeline name");
  await expect(name).toHaveValue("def-original-copy");
  await name.fill("def copy");
  await page.getByRole("button", { name: "Create pipeline" }).click();
  await expect(page.getByText("Pipeline name “def copy” contains space; only letters, digits and . @ - _ are allowed.")).toBeVisible();

  await name.fill("def-copy");
  await page.getByRole("button", { name: "Create pipeline" }).click();
  await expect(page).toHaveURL(/\/pipelines\/def-copy$/);
  await expect(page.getByRole("heading", { name: "def-copy" })).toBeVisible();
  await expect(graph(page).getByRole("region", { name: "Stage Deploy" })).toBeVisible();
  const copy = await current("def-copy");
  const original = await current("def-original");
  expect(copy.stages).toEqual(original.stages);
});

test("delete asks for the name to be typed", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-doomed"), pipeline("def-kept")));
  await openDefinition(page, "def-doomed");
  await page.getByRole("button", { name: "Delete pipeline…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete pipeline def-doomed" });
  const confirm = dialog.getByRole("button", { name: "Delete pipeline" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type def-doomed to confirm").fill("def-kept");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type def-doomed to confirm").fill("def-doomed");
  await confirm.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(sdk.send(new GetPipelineCommand({ name: "def-doomed" }))).rejects.toMatchObject({ name: "PipelineNotFoundException" });
  expect((await current("def-kept")).name).toBe("def-kept");
});

test("the Definition tab and the editor have no axe violations, light and dark", async ({ page, emulator }) => {
  await emulator.loadScenario(scenario(pipeline("def-axe")));
  await updateElsewhere("def-axe", branchTo("release"));
  await page.goto("/pipelines/def-axe?tab=definition&compare=1");
  await expect(page.getByRole("region", { name: "Changes from version 1 to version 2 (current)" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: "Edit definition" }).click();
  const editor = page.getByRole("textbox", { name: "Definition of def-axe (JSON)" });
  await expect(editor).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // The open editor follows a switch to dark: dark background, light text, and still no violations.
  const background = () => editor.evaluate((node) => getComputedStyle(node.closest(".cm-editor")!).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(background).not.toBe(light);
  expect(await background()).toBe("rgb(40, 44, 52)");
  expect((await new AxeBuilder({ page }).analyze()).violations, "dark").toEqual([]);
});

test.describe("with readOnly in config.json", () => {
  test.use({ config: configFor((url) => ({ ...e2eConfig(url), readOnly: true })) });

  test("the definition is shown, but no edit, copy or delete, and no New pipeline", async ({ page, emulator }) => {
    await emulator.loadScenario(scenario(pipeline("def-readonly")));
    await openDefinition(page, "def-readonly");
    await expect(page.getByLabel("Definition of def-readonly, version 1 (JSON)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Download JSON" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit definition" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Copy to a new pipeline" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete pipeline…" })).toHaveCount(0);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "def-readonly" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "New pipeline" })).toHaveCount(0);
  });
});
