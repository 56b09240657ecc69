import type { GetPipelineStateOutput } from "@aws-sdk/client-codepipeline";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Source } from "../aws/source";
import { createLiveHealth } from "../live/live-health";
import { pipelineStateQuery, pipelinesQuery, recentRunsQuery } from "../aws/pipeline-queries";
import { executionQuery, wallExecutionsQuery } from "../aws/execution-queries";
import { followStateChanges } from "./follow-state-changes";

function fakeSource(id: string): Source {
  return {
    id,
    isDefault: true,
    label: id,
    region: "us-east-1",
    polling: { activeSeconds: 5, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 },
    send: () => Promise.reject(new Error("not used")),
    via: () => () => Promise.reject(new Error("not used")),
    readOnly: false,
    setVisible: () => undefined,
    isVisible: () => false,
    pending: () => 0,
    baseId: id,
    live: createLiveHealth(undefined),
    credentials: () => Promise.reject(new Error("not used")),
    sha256: undefined as unknown as Source["sha256"],
  };
}

type Status = "InProgress" | "Succeeded" | "Failed";

describe("followStateChanges", () => {
  const source = fakeSource("s");
  it("refreshes a pipeline's executions when a stage's execution or status changes, and only then", () => {
    const client = new QueryClient();
    const stop = followStateChanges(client);
    const stateKey = pipelineStateQuery(source, "web").queryKey;
    const execution = () => client.getQueryState(recentRunsQuery(source, "web").queryKey)?.isInvalidated;
    const other = () => client.getQueryState(recentRunsQuery(source, "api").queryKey)?.isInvalidated;
    client.setQueryData(recentRunsQuery(source, "web").queryKey, []);
    client.setQueryData(recentRunsQuery(source, "api").queryKey, []);
    const stage = (status: "InProgress" | "Failed", percentComplete: number): GetPipelineStateOutput => ({
      stageStates: [
        {
          stageName: "Build",
          latestExecution: { pipelineExecutionId: "e1", status },
          actionStates: [{ actionName: "Compile", latestExecution: { status, percentComplete } }],
        },
      ],
    });
    client.setQueryData(stateKey, stage("InProgress", 10));
    expect(execution()).toBe(false);
    // Progress alone moves nothing in the history.
    client.setQueryData(stateKey, stage("InProgress", 60));
    expect(execution()).toBe(false);
    client.setQueryData(stateKey, stage("Failed", 60));
    expect(execution()).toBe(true);
    expect(other()).toBe(false);
    stop();
  });

  it("refreshes the wall's history too, and never the pipeline list or the state itself", () => {
    const client = new QueryClient();
    const stop = followStateChanges(client);
    const stateKey = pipelineStateQuery(source, "web").queryKey;
    client.setQueryData(wallExecutionsQuery(source, "web").queryKey, []);
    client.setQueryData(pipelinesQuery(source).queryKey, []);
    client.setQueryData(stateKey, { stageStates: [{ stageName: "Build", latestExecution: { pipelineExecutionId: "e1", status: "InProgress" } }] });
    client.setQueryData(stateKey, { stageStates: [{ stageName: "Build", latestExecution: { pipelineExecutionId: "e1", status: "Succeeded" } }] });
    expect(client.getQueryState(wallExecutionsQuery(source, "web").queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(pipelinesQuery(source).queryKey)?.isInvalidated).toBe(false);
    expect(client.getQueryState(stateKey)?.isInvalidated).toBe(false);
    stop();
  });

  it("refreshes the lists of executions only when a run starts or ends, the run's own reads at every stage", () => {
    const client = new QueryClient();
    const stop = followStateChanges(client);
    const stateKey = pipelineStateQuery(source, "web").queryKey;
    const list = recentRunsQuery(source, "web").queryKey;
    const run = executionQuery(source, "web", "e1").queryKey;
    // A run (e1) going through Source, Build, Test and Deploy, the previous one (e0) still shown where e1 has not been.
    const states = (build: Status, test: [string, Status]): GetPipelineStateOutput => ({
      stageStates: [
        { stageName: "Source", latestExecution: { pipelineExecutionId: "e1", status: "Succeeded" } },
        { stageName: "Build", latestExecution: { pipelineExecutionId: "e1", status: build } },
        { stageName: "Test", latestExecution: { pipelineExecutionId: test[0], status: test[1] } },
        { stageName: "Deploy", latestExecution: { pipelineExecutionId: "e0", status: "Succeeded" } },
      ],
    });
    const fresh = () => {
      client.setQueryData(list, []);
      client.setQueryData(run, null);
    };
    client.setQueryData(stateKey, states("InProgress", ["e0", "Succeeded"]));
    fresh();
    // Build succeeds and Test starts: the same run, one stage on.
    client.setQueryData(stateKey, states("Succeeded", ["e1", "InProgress"]));
    expect(client.getQueryState(run)?.isInvalidated).toBe(true);
    expect(client.getQueryState(list)?.isInvalidated).toBe(false);
    fresh();
    // Test fails: the run is over.
    client.setQueryData(stateKey, states("Succeeded", ["e1", "Failed"]));
    expect(client.getQueryState(list)?.isInvalidated).toBe(true);
    stop();
  });
});
