import { describe, expect, it } from "vitest";
import { checkDeclaration, checkDefinitionText, checkName } from "./validate";
import { sampleDeclaration } from "../../testing/sample-declaration";

const messages = (value: unknown) => checkDeclaration(value).map((p) => p.message);

describe("checkDeclaration", () => {
  it("accepts a valid declaration, including artifacts passed between runOrder groups of one stage", () => {
    expect(checkDeclaration(sampleDeclaration())).toEqual([]);
  });

  it("checks names: pattern, length and presence, naming the characters that are not allowed", () => {
    expect(checkName("ok.name@1-_", "Stage name")).toBeNull();
    expect(checkName("", "Stage name")).toBe("Stage name is required.");
    expect(checkName("a".repeat(101), "Stage name")).toMatch(/101 characters; at most 100/);
    expect(checkName("my stage/1", "Stage name")).toMatch(/contains space “\/”/);
    const d = sampleDeclaration();
    d.stages![1].actions![0].name = "Com pile";
    expect(checkDeclaration(d)).toEqual([{ path: ["stages", 1, "actions", 0, "name"], message: expect.stringMatching(/Action name “Com pile” contains space/) }]);
  });

  it("needs at least two stages", () => {
    const d = sampleDeclaration();
    d.stages = d.stages!.slice(0, 1);
    expect(checkDeclaration(d)).toEqual([{ path: ["stages"], message: "A pipeline needs at least 2 stages; this one has 1." }]);
  });

  it("allows only source actions in the first stage, and source actions only there", () => {
    const d = sampleDeclaration();
    d.stages![0].actions![0].actionTypeId!.category = "Build";
    d.stages![2].actions![0].actionTypeId!.category = "Source";
    const problems = checkDeclaration(d);
    expect(problems.map((p) => p.path)).toContainEqual(["stages", 0, "actions", 0, "actionTypeId", "category"]);
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/first stage may hold only Source actions; “Checkout” is a Build action/));
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/Source actions belong in the first stage only; “Ship”/));
  });

  it("refuses duplicate stage names and duplicate action names within a stage", () => {
    const d = sampleDeclaration();
    d.stages![2].name = "Build";
    d.stages![1].actions![1].name = "Compile";
    expect(messages(d)).toEqual(
      expect.arrayContaining(["Stage name “Build” is used more than once.", "Action name “Compile” is used more than once in stage “build”."]),
    );
  });

  it("keeps runOrder within 1–999 and whole", () => {
    const d = sampleDeclaration();
    d.stages![1].actions![0].runOrder = 0;
    d.stages![1].actions![1].runOrder = 1.5;
    const problems = checkDeclaration(d).filter((p) => p.path.at(-1) === "runOrder");
    expect(problems.map((p) => p.message)).toEqual([
      "runOrder must be a whole number from 1 to 999; it is 0.",
      "runOrder must be a whole number from 1 to 999; it is 1.5.",
    ]);
  });

  it("needs every input artifact to be an output of an action that runs before it", () => {
    const d = sampleDeclaration();
    // Same runOrder: Package would run beside Compile, before Out exists.
    d.stages![1].actions![1].runOrder = 1;
    d.stages![2].actions![0].inputArtifacts = [{ name: "Typo" }];
    expect(checkDeclaration(d)).toEqual([
      { path: ["stages", 1, "actions", 1, "inputArtifacts", 0, "name"], message: "Input artifact “Out” of “Package” is not an output of any action that runs before it." },
      { path: ["stages", 2, "actions", 0, "inputArtifacts", 0, "name"], message: "Input artifact “Typo” of “Ship” is not an output of any action that runs before it." },
    ]);
  });

  it("refuses an output artifact name produced twice, and missing role, store or stages", () => {
    const d = sampleDeclaration();
    d.stages![1].actions![1].outputArtifacts = [{ name: "Src" }];
    expect(messages(d)).toEqual(["Output artifact “Src” is produced by more than one action."]);
    expect(messages({ name: "x" })).toEqual([
      "roleArn is required: the service role CodePipeline acts as.",
      "An artifactStore (or artifactStores, one per region) is required.",
      "stages must be a list of stages.",
    ]);
    expect(messages([1, 2])).toEqual(["The definition must be a JSON object (the pipeline declaration)."]);
  });
});

describe("checkDefinitionText", () => {
  it("places a problem on the offending value in the text", () => {
    const d = sampleDeclaration();
    d.stages![2].actions![0].inputArtifacts = [{ name: "Typo" }];
    const text = JSON.stringify(d, null, 2);
    const [problem] = checkDefinitionText(text).problems;
    expect(text.slice(problem.from, problem.to)).toBe('"Typo"');
  });

  it("marks only the first line of an object, and the parent of a missing field", () => {
    const text = JSON.stringify({ name: "p", artifactStore: { type: "S3" }, stages: [] }, null, 2);
    const problems = checkDefinitionText(text).problems;
    const role = problems.find((p) => p.path[0] === "roleArn")!;
    expect(text.slice(role.from, role.to)).toBe("{");
    const stages = problems.find((p) => p.path[0] === "stages")!;
    expect(text.slice(stages.from, stages.to)).toBe("[]");
  });

  it("reports broken JSON at the place it breaks, and nothing else", () => {
    const text = '{\n  "name": "p",\n  "stages": [,]\n}';
    const { problems, declaration } = checkDefinitionText(text);
    expect(declaration).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^Not valid JSON/);
    expect(text[problems[0].from!]).toBe(",");
  });

  it("takes overridden fields from outside the text and leaves their problems unplaced", () => {
    const d = sampleDeclaration();
    delete d.name;
    const checked = checkDefinitionText(JSON.stringify(d), { overrides: { name: "bad name" } });
    expect(checked.declaration?.name).toBe("bad name");
    expect(checked.problems).toEqual([{ path: ["name"], message: expect.stringMatching(/Pipeline name “bad name” contains space/) }]);
  });

  it("places extra (server) problems too", () => {
    const text = JSON.stringify(sampleDeclaration(), null, 2);
    const [problem] = checkDefinitionText(text, { extra: [{ path: ["stages", 2, "name"], message: "server says no" }] }).problems;
    expect(text.slice(problem.from, problem.to)).toBe('"Deploy"');
  });
});

describe("broken JSON", () => {
  it.each([
    ['{"a": 1,}', 8, /expected a string in double quotes at line 1, column 9, found “}”/],
    ['{"a" 1}', 5, /expected “:”/],
    ['{"a": [1 2]}', 9, /expected “,” or “]”/],
    ['{"a": tru}', 6, /expected a value/],
    ['{"a": 1} x', 9, /expected the end of the text/],
    ['{"a": "open', 11, /expected a closing quote/],
  ])("%s is refused at offset %i", (text, offset, message) => {
    const [problem] = checkDefinitionText(text).problems;
    expect(problem.message).toMatch(message);
    expect(problem.from).toBe(Math.min(offset, text.length - 1));
  });
});
