import { describe, expect, it } from "vitest";
import { describeChange, diffDeclarations } from "./diff";
import { sampleDeclaration } from "../../testing/sample-declaration";

describe("diffDeclarations", () => {
  it("finds nothing between equal declarations, whatever their version or key order", () => {
    const after = sampleDeclaration();
    after.version = 9;
    expect(diffDeclarations(sampleDeclaration(), after)).toEqual([]);
    const reversed = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).reverse()) as T;
    after.stages![1].actions![0] = reversed(after.stages![1].actions![0]);
    expect(diffDeclarations(sampleDeclaration(), { ...reversed(after), stages: after.stages })).toEqual([]);
  });

  it("reports added and removed stages and actions by name", () => {
    const after = sampleDeclaration();
    after.stages!.splice(2, 1, { name: "Release", actions: [{ ...after.stages![2].actions![0] }] });
    after.stages![1].actions!.pop();
    after.stages![1].actions!.push({ ...after.stages![1].actions![0], name: "Lint" });
    expect(diffDeclarations(sampleDeclaration(), after)).toEqual([
      { kind: "removed", stage: "Deploy" },
      { kind: "removed", stage: "Build", action: "Package" },
      { kind: "added", stage: "Build", action: "Lint" },
      { kind: "added", stage: "Release" },
    ]);
  });

  it("reports changed settings field by field, through configuration keys", () => {
    const after = sampleDeclaration();
    after.executionMode = "QUEUED";
    after.stages![0].actions![0].configuration!.BranchName = "release";
    after.stages![2].actions![0].configuration!.Extract = "true";
    delete after.stages![1].actions![1].runOrder;
    const changes = diffDeclarations(sampleDeclaration(), after);
    expect(changes).toEqual([
      { kind: "changed", field: "executionMode", before: "SUPERSEDED", after: "QUEUED" },
      { kind: "changed", stage: "Source", action: "Checkout", field: "configuration.BranchName", before: "main", after: "release" },
      { kind: "removed", stage: "Build", action: "Package", field: "runOrder", before: 2 },
      { kind: "added", stage: "Deploy", action: "Ship", field: "configuration.Extract", after: "true" },
    ]);
    expect(changes.map(describeChange)).toEqual([
      'Pipeline: executionMode changed from "SUPERSEDED" to "QUEUED"',
      'Action Source › Checkout: configuration.BranchName changed from "main" to "release"',
      "Action Build › Package: runOrder removed (was 2)",
      'Action Deploy › Ship: configuration.Extract set to "true"',
    ]);
  });

  it("compares lists whole and notices reordered stages", () => {
    const after = sampleDeclaration();
    after.stages![1].actions![0].outputArtifacts = [{ name: "Out" }, { name: "Reports" }];
    [after.stages![1], after.stages![2]] = [after.stages![2], after.stages![1]];
    const changes = diffDeclarations(sampleDeclaration(), after);
    expect(changes).toContainEqual({ kind: "changed", field: "stage order", before: ["Source", "Build", "Deploy"], after: ["Source", "Deploy", "Build"] });
    expect(changes.map(describeChange)).toContain("Pipeline: stage order changed from Source → Build → Deploy to Source → Deploy → Build");
    expect(changes).toContainEqual({
      kind: "changed",
      stage: "Build",
      action: "Compile",
      field: "outputArtifacts",
      before: [{ name: "Out" }],
      after: [{ name: "Out" }, { name: "Reports" }],
    });
  });

  it("describes whole stages and actions without a field", () => {
    expect(describeChange({ kind: "added", stage: "QA" })).toBe("Stage QA added");
    expect(describeChange({ kind: "removed", stage: "QA", action: "Smoke" })).toBe("Action QA › Smoke removed");
  });
});
