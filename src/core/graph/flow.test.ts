import { Position } from "@xyflow/system";
import { describe, expect, it } from "vitest";
import { samplePipeline } from "../../testing/sample-pipeline";
import { countStatuses, flowNodes, handlesOf } from "./flow";
import { actionNodeId, layoutPipeline, stageNodeId, TRANSITION_HANDLE_Y, type LayoutNode } from "./layout";
import type { StatusView } from "./status-view";

const declaration = samplePipeline({ name: "web", stages: 3, actionsPerStage: 2, columns: 1 });
const layout = layoutPipeline(declaration);
const [source, build] = declaration.stages!;
const empty: StatusView = { stages: new Map(), actions: new Map() };
const nodeOf = (id: string) => layout.nodes.find((n) => n.id === id)!;

function failedBuild(): StatusView {
  return {
    stages: new Map([[stageNodeId(build.name!), { status: "Failed", executionId: "e1", conditions: [] }]]),
    actions: new Map([
      [actionNodeId(build.name!, build.actions![0].name!), { status: "Failed" }],
      [actionNodeId(build.name!, build.actions![1].name!), { status: "Succeeded" }],
    ]),
  };
}

describe("handlesOf", () => {
  it("gives the first stage only an outgoing handle, at the transition's height", () => {
    const handles = handlesOf(nodeOf(stageNodeId(source.name!)));
    expect(handles).toHaveLength(1);
    expect(handles[0]).toMatchObject({ type: "source", position: Position.Right, y: TRANSITION_HANDLE_Y - 3 });
  });

  it("gives later stages and actions a handle on each side, actions at their middle", () => {
    expect(handlesOf(nodeOf(stageNodeId(build.name!))).map((h) => h.type)).toEqual(["target", "source"]);
    const action = nodeOf(actionNodeId(build.name!, build.actions![0].name!)) as LayoutNode;
    const [target, out] = handlesOf(action);
    expect(target).toMatchObject({ position: Position.Left, x: -3, y: action.height / 2 - 3 });
    expect(out).toMatchObject({ position: Position.Right, x: action.width - 3 });
  });
});

describe("flowNodes", () => {
  it("sizes every node from the layout and lets stages and actions take pointer events", () => {
    const nodes = flowNodes(layout, empty, { declaration });
    expect(nodes).toHaveLength(layout.nodes.length);
    for (const node of nodes) {
      expect(node.measured).toEqual({ width: node.width, height: node.height });
      expect(node.style).toEqual(node.type === "join" ? undefined : { pointerEvents: "all" });
    }
  });

  it("merges status, retry availability and counts into the stage, and the highlight into its action", () => {
    const highlight = { stageName: build.name!, actionName: build.actions![1].name! };
    const nodes = flowNodes(layout, failedBuild(), { declaration, highlight });
    const stage = nodes.find((n) => n.id === stageNodeId(build.name!))!;
    expect(stage.type === "stage" && stage.data).toMatchObject({
      view: { status: "Failed" },
      retry: { offered: true, failedActions: null },
      actionCounts: { Failed: 1, Succeeded: 1 },
    });
    const highlighted = nodes.filter((n) => n.type === "action" && n.data.highlighted).map((n) => n.id);
    expect(highlighted).toEqual([actionNodeId(highlight.stageName, highlight.actionName)]);
  });

  it("hands back the same node objects while their data is unchanged, new ones where status moved", () => {
    const first = flowNodes(layout, empty, { declaration });
    const again = flowNodes(layout, { stages: new Map(), actions: new Map() }, { declaration });
    expect(again.every((node, i) => node === first[i])).toBe(true);
    const moved = flowNodes(layout, failedBuild(), { declaration });
    const changed = moved.filter((node, i) => node !== first[i]).map((n) => n.id);
    expect(changed).toEqual([stageNodeId(build.name!), actionNodeId(build.name!, build.actions![0].name!), actionNodeId(build.name!, build.actions![1].name!)]);
  });
});

describe("countStatuses", () => {
  it("counts actions per status, never-run ones as NotRun", () => {
    expect(countStatuses([{ status: "Succeeded" }, undefined, { status: "Succeeded" }, {}])).toEqual({ Succeeded: 2, NotRun: 2 });
  });
});
