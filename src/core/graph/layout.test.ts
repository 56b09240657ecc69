import { describe, expect, it } from "vitest";
import type { PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import {
  ACTION_HEIGHT,
  ACTION_WIDTH,
  STAGE_GAP,
  actionColumns,
  actionNodeId,
  joinNodeId,
  layoutPipeline,
  stageNodeId,
  transitionEdgeId,
  type LayoutNode,
} from "./layout";
import { samplePipeline } from "../../testing/sample-pipeline";

const action = (name: string, runOrder?: number, category: "Source" | "Build" | "Deploy" = "Build") => ({
  name,
  runOrder,
  actionTypeId: { category, owner: "AWS" as const, provider: "CodeBuild", version: "1" },
});

const pipeline = (stages: PipelineDeclaration["stages"]): PipelineDeclaration => ({
  name: "p",
  roleArn: "arn:aws:iam::123456789012:role/r",
  stages,
});

const byId = (nodes: LayoutNode[], id: string) => {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

const overlaps = (a: LayoutNode, b: LayoutNode) =>
  a.position.x < b.position.x + b.width &&
  b.position.x < a.position.x + a.width &&
  a.position.y < b.position.y + b.height &&
  b.position.y < a.position.y + a.height;

describe("actionColumns", () => {
  it("groups by run order ascending, defaulting a missing run order to 1", () => {
    const cols = actionColumns({ name: "s", actions: [action("c", 3), action("a"), action("b", 1), action("d", 3)] });
    expect(cols.map((c) => c.map((a) => a.name))).toEqual([["a", "b"], ["c", "d"]]);
  });
});

describe("layoutPipeline", () => {
  it("places stages left to right, top-aligned, with transition edges between neighbours", () => {
    const layout = layoutPipeline(
      pipeline([
        { name: "Source", actions: [action("Src", 1, "Source")] },
        { name: "Build", actions: [action("Unit", 1), action("Lint", 1), action("Package", 2)] },
        { name: "Deploy", actions: [action("Prod", 1, "Deploy")] },
      ]),
    );
    const [src, build, deploy] = ["Source", "Build", "Deploy"].map((s) => byId(layout.nodes, stageNodeId(s)));
    expect(src.position).toEqual({ x: 0, y: 0 });
    expect(build.position.x).toBe(src.width + STAGE_GAP);
    expect(deploy.position.x).toBe(build.position.x + build.width + STAGE_GAP);
    expect([src, build, deploy].every((s) => s.position.y === 0)).toBe(true);
    expect(layout.edges.filter((e) => e.type === "transition").map((e) => [e.id, e.source, e.target])).toEqual([
      [transitionEdgeId("Build"), stageNodeId("Source"), stageNodeId("Build")],
      [transitionEdgeId("Deploy"), stageNodeId("Build"), stageNodeId("Deploy")],
    ]);
    expect(layout.width).toBe(deploy.position.x + deploy.width);
  });

  it("stacks same-run-order actions in one column and puts later orders in later columns", () => {
    const layout = layoutPipeline(pipeline([{ name: "Build", actions: [action("Unit", 1), action("Lint", 1), action("Package", 2)] }]));
    const unit = byId(layout.nodes, actionNodeId("Build", "Unit"));
    const lint = byId(layout.nodes, actionNodeId("Build", "Lint"));
    const pack = byId(layout.nodes, actionNodeId("Build", "Package"));
    expect(unit.parentId).toBe(stageNodeId("Build"));
    expect(unit.position.x).toBe(lint.position.x);
    expect(lint.position.y).toBeGreaterThanOrEqual(unit.position.y + ACTION_HEIGHT);
    expect(pack.position.x).toBeGreaterThanOrEqual(unit.position.x + ACTION_WIDTH);
    // fan-in: both first-column actions lead to Package directly
    const order = layout.edges.filter((e) => e.type === "order").map((e) => [e.source, e.target]);
    expect(order).toEqual([
      [unit.id, pack.id],
      [lint.id, pack.id],
    ]);
    // children fit inside their stage
    const stage = byId(layout.nodes, stageNodeId("Build"));
    for (const child of [unit, lint, pack]) {
      expect(child.position.x + child.width).toBeLessThanOrEqual(stage.width);
      expect(child.position.y + child.height).toBeLessThanOrEqual(stage.height);
    }
  });

  it("joins two multi-action columns through one barrier node instead of a×b edges", () => {
    const layout = layoutPipeline(
      pipeline([{ name: "T", actions: [action("a1", 1), action("a2", 1), action("a3", 1), action("b1", 2), action("b2", 2)] }]),
    );
    const order = layout.edges.filter((e) => e.type === "order");
    expect(order).toHaveLength(5);
    expect(byId(layout.nodes, joinNodeId("T", 0)).parentId).toBe(stageNodeId("T"));
  });

  it("lists every parent before its children (React Flow requirement)", () => {
    const layout = layoutPipeline(samplePipeline({ stages: 5, actionsPerStage: 5 }));
    const seen = new Set<string>();
    for (const node of layout.nodes) {
      if (node.parentId) expect(seen.has(node.parentId)).toBe(true);
      seen.add(node.id);
    }
  });

  it("gives stage conditions their own header lines", () => {
    const plain = layoutPipeline(pipeline([{ name: "S", actions: [action("a")] }]));
    const gated = layoutPipeline(
      pipeline([
        {
          name: "S",
          actions: [action("a")],
          beforeEntry: { conditions: [{ result: "FAIL", rules: [] }] },
          onSuccess: { conditions: [{ result: "ROLLBACK", rules: [] }] },
        },
      ]),
    );
    const a = byId(plain.nodes, stageNodeId("S"));
    const b = byId(gated.nodes, stageNodeId("S"));
    expect(b.height).toBeGreaterThan(a.height);
    expect(b.data.kind === "stage" && b.data.conditions).toEqual(["beforeEntry", "onSuccess"]);
  });

  it("handles an empty declaration", () => {
    expect(layoutPipeline(pipeline(undefined))).toEqual({ nodes: [], edges: [], width: 0, height: 0 });
  });

  it("lays out the largest pipeline AWS allows (50 stages × 50 actions) without overlaps", () => {
    for (const columns of [1, 5, 50]) {
      const declaration = samplePipeline({ stages: 50, actionsPerStage: 50, columns });
      const started = performance.now();
      const layout = layoutPipeline(declaration);
      const elapsed = performance.now() - started;
      console.log(
        `layout 50×50 (${columns} run-order column(s)/stage): ${elapsed.toFixed(1)} ms, ` +
          `${layout.nodes.length} nodes, ${layout.edges.length} edges, ${layout.width}×${layout.height}px`,
      );
      const actions = layout.nodes.filter((n) => n.type === "action");
      expect(actions).toHaveLength(2500);
      // Sibling actions never overlap (checked per stage, positions are relative to the stage).
      const byStage = new Map<string | undefined, LayoutNode[]>();
      for (const n of actions) byStage.set(n.parentId, [...(byStage.get(n.parentId) ?? []), n]);
      for (const siblings of byStage.values()) {
        const sorted = [...siblings].sort((p, q) => p.position.x - q.position.x || p.position.y - q.position.y);
        for (let i = 1; i < sorted.length; i++) {
          const prev = sorted[i - 1];
          const cur = sorted[i];
          if (prev.position.x === cur.position.x) expect(overlaps(prev, cur)).toBe(false);
        }
      }
      // Edge count stays linear in actions thanks to join nodes.
      expect(layout.edges.length).toBeLessThan(2500 * 2 + 50);
    }
  });

  it("is deterministic", () => {
    const declaration = samplePipeline({ stages: 7, actionsPerStage: 4, columns: 2 });
    expect(layoutPipeline(declaration)).toEqual(layoutPipeline(declaration));
  });
});
