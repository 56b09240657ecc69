import type { ConfigProblem } from "../config/load-config";
import { EXAMPLE_CONFIGS } from "../config/schema";

/** Full page, no app chrome: without a valid config nothing else can work, so say exactly what to fix. */
export function ConfigErrorPage({ problem }: { problem: ConfigProblem }) {
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <h1 className="text-2xl font-bold">The dashboard is not configured</h1>
      <section aria-labelledby="problem" className="mt-6 rounded-md border border-red-600/40 bg-red-50 p-4 dark:border-red-400/40 dark:bg-red-950">
        <h2 id="problem" className="font-semibold text-red-900 dark:text-red-100">
          {problem.title}
        </h2>
        <ul className="mt-2 list-disc pl-5 font-mono text-sm text-red-950 dark:text-red-100">
          {problem.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      </section>
      <p className="mt-6">
        The dashboard reads its settings at start-up from <code className="font-mono">config.json</code>, served next to{" "}
        <code className="font-mono">index.html</code>. It was looked for at{" "}
        <code className="font-mono break-all">{problem.url}</code>. Edit that file and reload; no rebuild is needed.
      </p>
      <h2 className="mt-8 text-lg font-semibold">Example: the local emulator</h2>
      <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-zinc-100 p-4 text-sm dark:bg-zinc-900">
        <code>{JSON.stringify(EXAMPLE_CONFIGS.emulator, null, 2)}</code>
      </pre>
      <h2 className="mt-8 text-lg font-semibold">Example: real AWS with a Cognito identity pool and sign-in</h2>
      <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-md bg-zinc-100 p-4 text-sm dark:bg-zinc-900">
        <code>{JSON.stringify(EXAMPLE_CONFIGS.aws, null, 2)}</code>
      </pre>
      <h2 className="mt-8 text-lg font-semibold">Keys</h2>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-mono">region</dt>
        <dd>AWS region of the pipelines, e.g. us-east-1.</dd>
        <dt className="font-mono">endpoint</dt>
        <dd>Optional. Only for the local emulator (it answers Cognito Identity too); leave it out for real AWS.</dd>
        <dt className="font-mono">credentials</dt>
        <dd>
          <code className="font-mono">{`{"type":"cognito","identityPoolId":…}`}</code> with an optional{" "}
          <code className="font-mono">login</code> (provider, authority, clientId, scope, metadata: OpenID Connect with PKCE) for signed-in access, or{" "}
          <code className="font-mono">{`{"type":"static","accessKeyId":…,"secretAccessKey":…}`}</code> for a local
          endpoint only.
        </dd>
        <dt className="font-mono">polling</dt>
        <dd>
          Optional seconds: activeSeconds (running pipelines, 5), idleSeconds (30), listSeconds (60), offscreenSeconds
          (300, 0 = never), maxConcurrentRequests (4).
        </dd>
      </dl>
    </main>
  );
}
