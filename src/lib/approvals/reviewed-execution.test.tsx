// @vitest-environment happy-dom
import type { PipelineExecution, PipelineExecutionSummary } from "@aws-sdk/client-codepipeline";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createLiveHealth } from "../live/live-health";
import { recentRunsQuery } from "../aws/pipeline-queries";
import type { Source } from "../aws/source";
import { useReviewedExecution } from "./reviewed-execution";

const execution: PipelineExecution = {
  pipelineExecutionId: "e-1",
  artifactRevisions: [{ name: "SourceOutput", revisionId: "abc123", revisionSummary: "Fix login" }],
  trigger: { triggerType: "StartPipelineExecution", triggerDetail: "alice" },
};
const summary: PipelineExecutionSummary = {
  pipelineExecutionId: "e-1",
  sourceRevisions: [{ actionName: "Source", revisionId: "abc123", revisionSummary: "Fix login" }],
  trigger: { triggerType: "StartPipelineExecution", triggerDetail: "alice" },
};

/** Answers GetPipelineExecution, and ListPipelineExecutions once the test lets it, recording the operations sent. */
function fakeSource(runs: PipelineExecutionSummary[]) {
  const sent: string[] = [];
  let releaseRuns = () => {};
  const runsAnswered = new Promise<void>((done) => (releaseRuns = done));
  const source = {
    id: "s",
    polling: { activeSeconds: 5, idleSeconds: 30, listSeconds: 60, offscreenSeconds: 300, maxConcurrentRequests: 4 },
    live: createLiveHealth(undefined),
    send: (call: (client: { send(command: object): Promise<unknown> }, signal: AbortSignal) => Promise<unknown>) =>
      call(
        {
          send: async (command) => {
            const operation = command.constructor.name.replace(/Command$/, "");
            sent.push(operation);
            if (operation === "ListPipelineExecutions") return runsAnswered.then(() => ({ pipelineExecutionSummaries: runs }));
            return { pipelineExecution: execution };
          },
        },
        new AbortController().signal,
      ),
  } as unknown as Source;
  return { source, sent, releaseRuns };
}

function wrapper(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe("useReviewedExecution", () => {
  it("takes the revisions and trigger from the newest runs when they hold the execution: no read of its own", async () => {
    const { source, sent } = fakeSource([]);
    const client = new QueryClient();
    client.setQueryData(recentRunsQuery(source, "web").queryKey, [summary]);
    const { result } = renderHook(() => useReviewedExecution(source, "web", "e-1"), { wrapper: wrapper(client) });
    expect(result.current).toEqual({ revisions: summary.sourceRevisions, trigger: summary.trigger, loading: false });
    await new Promise((done) => setTimeout(done, 20));
    expect(sent).toEqual([]);
  });

  it("waits for the newest runs on their way, then reads the execution when they do not hold it", async () => {
    const { source, sent, releaseRuns } = fakeSource([{ pipelineExecutionId: "e-2" }]);
    const client = new QueryClient();
    void client.prefetchQuery(recentRunsQuery(source, "web"));
    const { result } = renderHook(() => useReviewedExecution(source, "web", "e-1"), { wrapper: wrapper(client) });
    await new Promise((done) => setTimeout(done, 20));
    expect(result.current.loading).toBe(true);
    expect(sent).toEqual(["ListPipelineExecutions"]);
    releaseRuns();
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(sent).toEqual(["ListPipelineExecutions", "GetPipelineExecution"]);
    expect(result.current.revisions).toEqual([{ actionName: "SourceOutput", revisionId: "abc123", revisionSummary: "Fix login", revisionUrl: undefined }]);
    expect(result.current.trigger?.triggerDetail).toBe("alice");
  });

  it("reads the execution when its summary was read before its sources had run (no revisions yet)", async () => {
    const { source, sent } = fakeSource([]);
    const client = new QueryClient();
    client.setQueryData(recentRunsQuery(source, "web").queryKey, [{ ...summary, sourceRevisions: [] }]);
    const { result } = renderHook(() => useReviewedExecution(source, "web", "e-1"), { wrapper: wrapper(client) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(sent).toEqual(["GetPipelineExecution"]);
    expect(result.current.revisions.map((r) => r.revisionId)).toEqual(["abc123"]);
  });

  it("reads the execution when no runs are cached, and never fetches the runs itself", async () => {
    const { source, sent } = fakeSource([summary]);
    const client = new QueryClient();
    const { result } = renderHook(() => useReviewedExecution(source, "web", "e-1"), { wrapper: wrapper(client) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(sent).toEqual(["GetPipelineExecution"]);
  });
});
