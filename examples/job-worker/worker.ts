/**
 * An example CodePipeline job worker for a custom action. Copy it to start your own.
 *
 *   npm run worker                                   # polls the local emulator for Custom/Build/ExampleWorker/1
 *   npm run worker -- --endpoint http://127.0.0.1:4599 --provider ExampleWorker --once
 *
 * The loop is the one AWS documents: PollForJobs → AcknowledgeJob (with the job's nonce) → do the
 * work → PutJobSuccessResult or PutJobFailureResult. Long work reports progress by "succeeding" with
 * a continuation token: CodePipeline then queues a follow-up job carrying that token, and the
 * worker picks up where it left off. The dashboard shows each report's summary, percentComplete
 * and external execution link on the action.
 *
 * What it does is driven by the action's configuration:
 *   Mode   "succeed" (default) or "fail": how the run ends
 *   Steps  how many steps the run takes (default 3); each step is one job and one progress report
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  AcknowledgeJobCommand,
  type ActionTypeId,
  CodePipelineClient,
  type Job,
  PollForJobsCommand,
  PutJobFailureResultCommand,
  PutJobSuccessResultCommand,
} from "@aws-sdk/client-codepipeline";

/** What the worker keeps between the jobs of one run (it travels as the continuation token). */
interface Progress {
  step: number;
}

export type Outcome = "progress" | "succeeded" | "failed" | "taken";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Does one step of the job's run and reports it. */
export async function handleJob(client: CodePipelineClient, job: Job, workMs = 0): Promise<Outcome> {
  const data = job.data!;
  const config = data.actionConfiguration?.configuration ?? {};
  const steps = Math.max(1, Number.parseInt(config.Steps ?? "3", 10) || 3);
  const progress: Progress = data.continuationToken ? (JSON.parse(data.continuationToken) as Progress) : { step: 0 };
  const step = progress.step + 1;
  // One external id per action run, so every report links to the same place.
  const externalExecutionId = `run-${data.pipelineContext!.action!.actionExecutionId!.slice(0, 8)}`;

  await sleep(workMs); // The real work of this step goes here.

  if (step < steps) {
    await client.send(
      new PutJobSuccessResultCommand({
        jobId: job.id,
        continuationToken: JSON.stringify({ step } satisfies Progress),
        executionDetails: { summary: `Step ${step} of ${steps} done`, externalExecutionId, percentComplete: Math.floor((step / steps) * 100) },
      }),
    );
    return "progress";
  }
  if (config.Mode === "fail") {
    await client.send(
      new PutJobFailureResultCommand({
        jobId: job.id,
        failureDetails: { type: "JobFailed", message: `Step ${step} of ${steps} failed (the action is configured with Mode=fail)`, externalExecutionId },
      }),
    );
    return "failed";
  }
  await client.send(
    new PutJobSuccessResultCommand({
      jobId: job.id,
      executionDetails: { summary: `All ${steps} steps done`, externalExecutionId, percentComplete: 100 },
      outputVariables: { StepsRun: String(steps) },
    }),
  );
  return "succeeded";
}

/** One poll: acknowledges and handles whatever jobs it got. Returns what happened to each. */
export async function pollOnce(client: CodePipelineClient, actionTypeId: ActionTypeId, workMs = 0): Promise<Outcome[]> {
  const { jobs = [] } = await client.send(new PollForJobsCommand({ actionTypeId, maxBatchSize: 1 }));
  const outcomes: Outcome[] = [];
  for (const job of jobs) {
    try {
      await client.send(new AcknowledgeJobCommand({ jobId: job.id, nonce: job.nonce }));
    } catch (error) {
      // Another worker acknowledged it first (or the job went away): not ours.
      if ((error as Error).name === "InvalidNonceException" || (error as Error).name === "JobNotFoundException") {
        outcomes.push("taken");
        continue;
      }
      throw error;
    }
    try {
      outcomes.push(await handleJob(client, job, workMs));
    } catch (error) {
      // Anything unexpected fails the action with a message rather than leaving it to time out.
      await client.send(new PutJobFailureResultCommand({ jobId: job.id, failureDetails: { type: "JobFailed", message: String((error as Error).message ?? error).slice(0, 5000) } }));
      outcomes.push("failed");
    }
  }
  return outcomes;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      endpoint: { type: "string", default: "http://127.0.0.1:4599" },
      region: { type: "string", default: process.env.AWS_REGION ?? "us-east-1" },
      category: { type: "string", default: "Build" },
      provider: { type: "string", default: "ExampleWorker" },
      version: { type: "string", default: "1" },
      interval: { type: "string", default: "5" },
      work: { type: "string", default: "2" },
      once: { type: "boolean", default: false },
    },
  });
  const actionTypeId: ActionTypeId = { category: values.category as ActionTypeId["category"], owner: "Custom", provider: values.provider, version: values.version };
  const client = new CodePipelineClient({
    region: values.region,
    endpoint: values.endpoint,
    // The emulator accepts test/test; real AWS uses the usual credential chain.
    credentials: process.env.AWS_ACCESS_KEY_ID ? undefined : { accessKeyId: "test", secretAccessKey: "test" },
  });
  const name = `${actionTypeId.owner}/${actionTypeId.category}/${actionTypeId.provider}/${actionTypeId.version}`;
  console.log(`Polling ${values.endpoint} for ${name} jobs${values.once ? " (once)" : ""}`);
  let stopped = false;
  process.once("SIGINT", () => (stopped = true));
  process.once("SIGTERM", () => (stopped = true));
  do {
    const outcomes = await pollOnce(client, actionTypeId, Number(values.work) * 1000);
    for (const outcome of outcomes) console.log(`job: ${outcome}`);
    if (values.once) break;
    if (outcomes.length === 0 && !stopped) await sleep(Number(values.interval) * 1000);
  } while (!stopped);
  client.destroy();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
