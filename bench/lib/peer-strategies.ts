import {
  CodePipelineClient,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  ListPipelinesCommand,
} from "@aws-sdk/client-codepipeline";

/**
 * The two strategies other CodePipeline dashboards use, driven with the SDK from Node against the same
 * emulator, with the same concurrency limit as the dashboard, so only the strategy differs.
 */
export interface PeerRun {
  /** When each pipeline's state was last read (ms since epoch), per read. */
  reads: Map<string, number[]>;
  requests: number;
  startedAt: number;
  endedAt: number;
}

function client(endpoint: string) {
  return new CodePipelineClient({ region: "us-east-1", endpoint, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
}

async function listNames(sdk: CodePipelineClient): Promise<{ names: string[]; requests: number }> {
  const names: string[] = [];
  let requests = 0;
  let nextToken: string | undefined;
  do {
    const page = await sdk.send(new ListPipelinesCommand({ nextToken }));
    requests++;
    names.push(...(page.pipelines ?? []).map((p) => p.name!));
    nextToken = page.nextToken;
  } while (nextToken);
  return { names, requests };
}

/** Every pipeline's state and latest execution, `concurrency` at a time, as a table view needs them. */
async function readAll(sdk: CodePipelineClient, names: string[], concurrency: number, reads: Map<string, number[]>, until = Infinity): Promise<number> {
  let next = 0;
  let requests = 0;
  const worker = async () => {
    while (next < names.length && Date.now() < until) {
      const name = names[next++];
      await Promise.all([
        sdk.send(new GetPipelineStateCommand({ name })),
        sdk.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 1 })),
      ]);
      requests += 2;
      reads.set(name, [...(reads.get(name) ?? []), Date.now()]);
    }
  };
  // Two calls per pipeline, so half as many pipelines in flight keeps the same number of requests in flight.
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(concurrency / 2)) }, worker));
  return requests;
}

/** Poll every pipeline every `intervalSeconds`, shown or not, for `seconds`. */
export async function pollEverything(endpoint: string, options: { intervalSeconds: number; seconds: number; concurrency: number }): Promise<PeerRun> {
  const sdk = client(endpoint);
  const reads = new Map<string, number[]>();
  const startedAt = Date.now();
  const endsAt = startedAt + options.seconds * 1000;
  let requests = 0;
  while (Date.now() < endsAt) {
    const cycle = Date.now();
    const listed = await listNames(sdk);
    requests += listed.requests + (await readAll(sdk, listed.names, options.concurrency, reads, endsAt));
    const wait = cycle + options.intervalSeconds * 1000 - Date.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, Math.min(wait, endsAt - Date.now())));
  }
  sdk.destroy();
  return { reads, requests, startedAt, endedAt: Date.now() };
}

/** Read everything once, never again. */
export async function fetchOnce(endpoint: string, options: { concurrency: number }): Promise<PeerRun> {
  const sdk = client(endpoint);
  const reads = new Map<string, number[]>();
  const startedAt = Date.now();
  const listed = await listNames(sdk);
  const requests = listed.requests + (await readAll(sdk, listed.names, options.concurrency, reads));
  sdk.destroy();
  return { reads, requests, startedAt, endedAt: Date.now() };
}

export interface Staleness {
  meanSeconds: number;
  maxSeconds: number;
}

/**
 * Age of each pipeline's state, sampled every second over [from, to] and averaged over pipelines and
 * samples; a pipeline not yet read counts from `from`.
 */
export function staleness(reads: Map<string, number[]>, names: string[], from: number, to: number): Staleness {
  let sum = 0;
  let count = 0;
  let max = 0;
  for (let t = from; t <= to; t += 1000) {
    for (const name of names) {
      const before = (reads.get(name) ?? []).filter((r) => r <= t);
      const age = (t - (before.length ? before[before.length - 1] : from)) / 1000;
      sum += age;
      count++;
      max = Math.max(max, age);
    }
  }
  return { meanSeconds: count ? sum / count : NaN, maxSeconds: max };
}
