import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetPipelineStateCommand, ListPipelineExecutionsCommand, ListPipelinesCommand, type PipelineSummary } from "@aws-sdk/client-codepipeline";
import { isReadOnlyOperation } from "../src/auth/permissions";
import { MAX_BODY_BYTES } from "../src/http/http";
import type { Member, ServiceModel, Shape } from "../src/protocol/model";
import { model as cloudwatchLogs } from "../src/protocol/models/cloudwatch-logs";
import { model as codebuild } from "../src/protocol/models/codebuild";
import { model } from "../src/protocol/models/codepipeline";
import { startEmulator, type StartedEmulator } from "./helpers";

/*
 * Seeded fuzzing of the wire layer: malformed, truncated, oversized, deeply nested, wrongly typed and
 * random-member bodies for all 44 operations (and CodeBuild's and CloudWatch Logs' served ones), plus bad
 * targets, headers, methods, paths and raw HTTP.
 * Every answer must be a well-formed AWS error (or, for read operations, a JSON result), the process
 * must keep answering, and rejected requests must leave the world exactly as it was.
 */

const SEED = 20250101;
const MODELS: ServiceModel[] = [model, codebuild, cloudwatchLogs];
/** Every operation with its service: `{ m, operation }`. */
const OPERATIONS = MODELS.flatMap((m) => Object.keys(m.operations).map((operation) => ({ m, operation })));
const PREFIX = "CodePipeline_20150709";
const CONTENT_TYPE = "application/x-amz-json-1.1";

/** mulberry32: small, fast, and the same sequence on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const CHARS = "aZ09 !\"#'<>&\\/\u0000\u0007\n\t\u00e9\u2028\u{1f600}%.@-_:{}[]";
  /** Strings always carry a character no CodePipeline name pattern allows, so no call can succeed by luck. */
  const string = (max = 40) => {
    let text = " ";
    const length = int(max);
    for (let i = 0; i < length; i++) text += pick([...CHARS]);
    return next() < 0.5 ? text : text.split("").reverse().join("");
  };
  return { next, int, pick, string };
}
type Rng = ReturnType<typeof generator>;

const WRONG: Record<string, unknown[]> = {
  string: [123, -1.5, true, {}, [], [1], { a: 1 }],
  number: ["12", "", true, {}, [], [3]],
  boolean: ["true", 1, 0, {}, []],
  timestamp: [true, {}, [], "not a date", "2024-13-45T99:00:00Z"],
  blob: [1, true, {}, []],
  structure: ["x", 1, [], true, [{}]],
  list: ["x", 1, {}, true, { "0": "a" }],
  map: ["x", 1, [], true, [["a", "b"]]],
};

function randomJson(rng: Rng, depth: number): unknown {
  const roll = rng.int(depth <= 0 ? 5 : 7);
  switch (roll) {
    case 0: return rng.string(30);
    case 1: return rng.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, -0]);
    case 2: return rng.pick([true, false]);
    case 3: return null;
    case 4: return rng.string(3);
    case 5: return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = rng.int(4); i > 0; i--) object[rng.pick(["__proto__", "constructor", "prototype", "toString", "name", rng.string(12)])] = randomJson(rng, depth - 1);
      return object;
    }
  }
}

const shape = (m: ServiceModel, name: string): Shape => m.shapes[name] as Shape;

/** A value of the right JSON type for a member's shape (random content), or a wrong one at `wrongAt` depth. */
function valueFor(m: ServiceModel, target: string, rng: Rng, depth: number, wrong: boolean): unknown {
  const node = shape(m, target);
  if (wrong && (depth === 0 || rng.next() < 0.3)) return rng.pick(WRONG[node.type === "document" ? "string" : node.type === "union" ? "structure" : node.type] ?? WRONG.string);
  switch (node.type) {
    case "string": return rng.string(rng.next() < 0.05 ? 3000 : 40);
    case "number": return rng.pick([0, -1, 1, 5, 101, 1e12, -1e12, 0.5]);
    case "boolean": return rng.next() < 0.5;
    case "timestamp": return rng.pick([0, -1, 1e12, 1735689600.5, 253402300800]);
    case "blob": return "AAAA";
    case "document": return randomJson(rng, 2);
    case "list":
      return depth > 3 ? [] : Array.from({ length: rng.int(3) }, () => valueFor(m, node.member.target, rng, depth + 1, wrong && rng.next() < 0.5));
    case "map": {
      const map: Record<string, unknown> = {};
      if (depth <= 3) for (let i = rng.int(3); i > 0; i--) map[rng.string(8)] = valueFor(m, node.value.target, rng, depth + 1, wrong && rng.next() < 0.5);
      return map;
    }
    case "structure":
    case "union": {
      const object: Record<string, unknown> = {};
      if (depth > 3) return object;
      for (const [name, member] of Object.entries<Member>(node.members)) {
        if (member.required ? rng.next() < 0.85 : rng.next() < 0.4) object[name] = valueFor(m, member.target, rng, depth + 1, wrong && rng.next() < 0.4);
      }
      return object;
    }
  }
}

interface Probe {
  kind: string;
  operation: string;
  /** The service's model (default CodePipeline's): its target prefix and signing name. */
  m?: ServiceModel;
  body: string;
  /** Send without a signature, or with these headers instead of a valid signature. */
  target?: string;
  contentType?: string;
}

/** Bodies for one operation; each kind is a different way to be wrong. */
function bodiesFor({ m, operation }: (typeof OPERATIONS)[number], rng: Rng): Probe[] {
  const input = (m.operations[operation] as { input?: string }).input;
  const typed = input ? JSON.stringify(valueFor(m, input, rng, 0, false)) : "{}";
  const probes: Probe[] = [];
  const add = (kind: string, body: string, extra: Partial<Probe> = {}) => probes.push({ kind, operation, m, body, ...extra });
  add("structure-aware random", typed);
  add("wrongly typed", input ? JSON.stringify(valueFor(m, input, rng, 0, true) ?? 1) : "1");
  const members = input ? Object.entries<Member>((shape(m, input) as { members: Record<string, Member> }).members) : [];
  add("wrongly typed member", JSON.stringify({ ...(JSON.parse(typed) as object), ...Object.fromEntries(
    members.slice(0, 1 + rng.int(2)).map(([name, member]) => [name, rng.pick(WRONG[shape(m, member.target).type] ?? WRONG.string)]),
  ) }));
  add("random members", JSON.stringify(randomJson(rng, 4) ?? {}).replace(/^[^{].*$/s, (t) => `{"x":${t}}`));
  add("truncated", typed.slice(0, Math.max(1, rng.int(typed.length))));
  add("not an object", rng.pick(["[]", "1", '"text"', "null", "true", "[{}]", "1e999"]));
  add("malformed", rng.pick(["{", "{'a':1}", '{"a":}', "{\"a\":1,}", "\u0000", "\ufeff{}", "{\"a\":\"\\ud800\"}", "{\"a\":NaN}", "}{", "%7B%7D"]));
  add("garbage", Array.from({ length: rng.int(200) }, () => String.fromCharCode(rng.int(0x3000))).join(""));
  add("wrong content type", typed, { contentType: rng.pick(["application/json", "text/plain", "", "application/x-amz-json-1.0", "application/x-amz-json-1.1x"]) });
  return probes;
}

const isUuid = (value: string | null) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value ?? "");

interface Answer {
  status: number;
  headers: Headers | Map<string, string>;
  body: string;
}

/** The shape rule: a well-formed AWS error, or (read operations only) a JSON result. Returns a problem or undefined. */
function problemWith(answer: Answer, probe: Probe, method = "POST"): string | undefined {
  const get = (name: string) => (answer.headers instanceof Map ? answer.headers.get(name) ?? null : answer.headers.get(name));
  if (get("content-type") !== CONTENT_TYPE) return `content-type ${get("content-type")}`;
  if (!isUuid(get("x-amzn-requestid"))) return `request id ${get("x-amzn-requestid")}`;
  if (method === "HEAD") return answer.status >= 400 && answer.status < 500 ? undefined : `HEAD status ${answer.status}`;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(answer.body) as Record<string, unknown>;
  } catch {
    return `body is not JSON: ${answer.body.slice(0, 80)}`;
  }
  if (answer.status === 200) {
    const known = OPERATIONS.some((o) => o.operation === probe.operation && o.m === (probe.m ?? model));
    if (!known || !isReadOnlyOperation(probe.operation)) return `a mutating or unknown call succeeded: ${probe.kind}`;
    return typeof json === "object" && json !== null && !Array.isArray(json) ? undefined : "result is not an object";
  }
  if (answer.status < 400 || answer.status >= 500) return `status ${answer.status} ${answer.body.slice(0, 160)}`;
  if (typeof json.__type !== "string" || typeof json.message !== "string") return `error body ${answer.body.slice(0, 120)}`;
  if (get("x-amzn-errortype") !== json.__type) return `x-amzn-ErrorType ${get("x-amzn-errortype")} vs ${json.__type}`;
  if ("code" in json) return "error body has a code member";
  return undefined;
}

let emu: StartedEmulator;
const logged: string[] = [];
beforeAll(async () => {
  emu = await startEmulator({ startTime: new Date("2025-01-01T00:00:00Z"), log: (line) => logged.push(line) });
  await emu.control.loadScenario({ name: "demo" });
});
afterAll(() => emu.close());

async function observable() {
  const client = emu.client();
  const pipelines: PipelineSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListPipelinesCommand({ nextToken }));
    pipelines.push(...(page.pipelines ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const details = [];
  for (const { name } of pipelines) {
    const { $metadata: _a, ...state } = await client.send(new GetPipelineStateCommand({ name }));
    const { $metadata: _b, ...executions } = await client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 100 }));
    details.push({ state, executions });
  }
  // The engine creates its job table lazily (an empty `jobs` map appears on first use); that is not a change.
  const core = JSON.stringify(emu.core.snapshot(), (key, value: unknown) =>
    key === "jobs" && typeof value === "object" && value !== null && Object.keys(value).length === 0 ? undefined : value,
  );
  return { pipelines, details, core };
}

/** Run tasks with a few in flight at once, starting none after `deadline` (ms since the epoch). Returns how many ran. */
async function pool<T>(items: T[], concurrency: number, deadline: number, task: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length && Date.now() < deadline) await task(items[next++]);
  }));
  return next;
}

/** A raw HTTP exchange, for what fetch refuses to send. Resolves with the answer or `closed`. */
function raw(port: number, request: string | Buffer): Promise<{ status: number; headers: Map<string, string>; body: string } | "closed"> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    socket.setTimeout(5000, () => socket.destroy());
    socket.on("data", (chunk) => (data += chunk.toString("utf8")));
    socket.on("error", () => {});
    socket.on("close", () => {
      const end = data.indexOf("\r\n\r\n");
      if (end < 0) return resolve("closed");
      const [statusLine, ...lines] = data.slice(0, end).split("\r\n");
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()] as [string, string]));
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: data.slice(end + 4) });
    });
    socket.end(request);
  });
}

describe("wire fuzz", () => {
  it("answers thousands of bad requests to every operation with well-formed errors and changes nothing", async () => {
    const started = Date.now();
    const rng = generator(SEED);
    const before = await observable();
    expect(before.pipelines.length).toBeGreaterThan(5);

    const probes: Probe[] = [];
    for (let round = 0; round < 6; round++) for (const operation of OPERATIONS) probes.push(...bodiesFor(operation, rng));
    // Deeply nested JSON (valid JSON, far below the size limit) and bodies just over the limit.
    for (const { m, operation } of OPERATIONS) {
      const depth = rng.pick([1000, 10_000, 50_000]);
      probes.push({ kind: "deeply nested", operation, m, body: rng.next() < 0.5 ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `{"pipeline":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}` });
    }
    for (const operation of ["CreatePipeline", "UpdatePipeline", "ListPipelines", "PutApprovalResult"]) {
      probes.push({ kind: "oversized", operation, body: JSON.stringify({ pipeline: { name: "big", padding: "x".repeat(MAX_BODY_BYTES + rng.int(200_000)) } }) });
    }
    // Targets that are not CodePipeline operations.
    for (const target of ["", "CodePipeline_20150709", "CodePipeline_20150709.", "CodePipeline_20150709.listPipelines", "CodePipeline_20150709.Nope",
      "codepipeline_20150709.ListPipelines", "CodePipeline_20991231.ListPipelines", "DynamoDB_20120810.ListTables", "AWSCognitoIdentityService.ListIdentityPools",
      ".ListPipelines", "CodePipeline_20150709.ListPipelines.Extra", "CodePipeline_20150709.__proto__", "CodePipeline_20150709.constructor", "x".repeat(5000)]) {
      probes.push({ kind: "bad target", operation: target, body: "{}", target });
    }

    // The rare kinds first, so a time-boxed run still covers every kind.
    const rare = ["oversized", "deeply nested", "bad target"];
    probes.sort((a, b) => Number(rare.includes(b.kind)) - Number(rare.includes(a.kind)));
    const problems: string[] = [];
    const counts: Record<string, number> = {};
    // Time-boxed so a loaded CI machine cannot push the suite past its timeout; an idle 2-core machine sends all of them.
    const sent = await pool(probes, 12, started + 35_000, async (probe) => {
      const response = await emu
        .signedFetch(probe.target ?? `${(probe.m ?? model).targetPrefix}.${probe.operation}`, probe.body, {
          service: (probe.m ?? model).signingName,
          ...(probe.contentType !== undefined && { contentType: probe.contentType }),
        })
        .catch((error: Error & { cause?: Error }) => error);
      if (response instanceof Error) {
        problems.push(`${probe.operation} [${probe.kind}] → no answer: ${response.message} ${response.cause?.message ?? ""}`);
        return;
      }
      const answer = { status: response.status, headers: response.headers, body: await response.text() };
      counts[`${answer.status}`] = (counts[`${answer.status}`] ?? 0) + 1;
      const problem = problemWith(answer, probe);
      if (problem) problems.push(`${probe.operation} [${probe.kind}] ${probe.body.slice(0, 100)} → ${problem}`);
      if (probe.kind === "oversized" && answer.status !== 413) problems.push(`${probe.operation} oversized → ${answer.status}`);
    });

    console.log(`wire fuzz: ${sent} of ${probes.length} bodies in ${Date.now() - started} ms (seed ${SEED}); answers by status ${JSON.stringify(counts)}`);
    expect(sent).toBeGreaterThan(1000);
    // Headers, methods and paths, through fetch (signed where it matters) and raw sockets.
    const { url, port } = emu;
    const headerCases: [string, RequestInit][] = [
      ["no auth", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": `${PREFIX}.ListPipelines` }, body: "{}" }],
      ["garbage auth", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": `${PREFIX}.ListPipelines`, authorization: "AWS4-HMAC-SHA256 garbage" }, body: "{}" }],
      ["basic auth", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": `${PREFIX}.ListPipelines`, authorization: "Basic dGVzdDp0ZXN0" }, body: "{}" }],
      ["bad signature", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": `${PREFIX}.DeletePipeline`, "x-amz-date": "20250101T000000Z",
        authorization: `AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/codepipeline/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}` }, body: '{"name":"checkout-api"}' }],
      ["bad date", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": `${PREFIX}.DeletePipeline`, "x-amz-date": "yesterday",
        authorization: `AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/codepipeline/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"a".repeat(64)}` }, body: '{"name":"checkout-api"}' }],
      ["session token on a static key", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": `${PREFIX}.ListPipelines`, "x-amz-security-token": "x".repeat(3000) }, body: "{}" }],
      ["cognito garbage", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": "AWSCognitoIdentityService.GetId" }, body: '{"IdentityPoolId":{"a":[1]},"Logins":[1]}' }],
      ["cognito not json", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": "AWSCognitoIdentityService.GetCredentialsForIdentity" }, body: "{{" }],
      ["cognito logins", { method: "POST", headers: { "content-type": CONTENT_TYPE, "x-amz-target": "AWSCognitoIdentityService.GetId" },
        body: JSON.stringify({ IdentityPoolId: "us-east-1:0000aaaa-0000-4000-8000-000000000001", Logins: { "login.emulator.local": "a.b.c", "__proto__": "x" } }) }],
    ];
    for (const method of ["GET", "PUT", "DELETE", "PATCH", "HEAD"]) {
      headerCases.push([`${method} with target`, { method, headers: { "x-amz-target": `${PREFIX}.ListPipelines` } }]);
    }
    for (const path of ["/nope", "//", "/%ff%fe", "/?a=%zz", `/${"a".repeat(8000)}`, "/_emulator", "/..%2f..%2fetc/passwd"]) {
      headerCases.push([`POST ${path.slice(0, 20)}`, { method: "POST", headers: { "content-type": CONTENT_TYPE }, body: "{}" }]);
      (headerCases.at(-1) as [string, RequestInit, string?]).push(path);
    }
    for (const [name, init, path = "/"] of headerCases as [string, RequestInit, string?][]) {
      const response = await fetch(`${url}${path}`, init);
      const answer = { status: response.status, headers: response.headers, body: await response.text() };
      // GET / is the emulator's service description, not an AWS call.
      const serviceInfo = init.method === "GET" && path === "/" && answer.status === 200 && response.headers.get("content-type") === "application/json";
      const problem = serviceInfo ? undefined : problemWith(answer, { kind: name, operation: "?", body: "" }, init.method);
      if (problem) problems.push(`${name} → ${problem}`);
    }
    const rawCases: (string | Buffer)[] = [
      "GARBAGE\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      `POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(70_000)}\r\n\r\n`,
      "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00]), // a TLS ClientHello on the plain port
      "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: CodePipeline_20150709.ListPipelines\r\nContent-Length: 10\r\n\r\n{}", // body shorter than announced, then EOF
    ];
    for (const request of rawCases) {
      const answer = await raw(port, request);
      if (answer === "closed") continue; // The client hung up before a full request: nothing to answer.
      const problem = problemWith(answer, { kind: "raw", operation: "?", body: "" });
      if (problem) problems.push(`raw ${String(request).slice(0, 30).replace(/\r\n/g, " ")} → ${problem}`);
    }

    // Deliberate faults: 5xx allowed, still well-formed.
    await emu.control.faults({ errorRate: 0.5, throttleRate: 0.3 });
    for (let i = 0; i < 40; i++) {
      const response = await emu.signedFetch(`${PREFIX}.ListPipelines`, "{}");
      const answer = { status: response.status, headers: response.headers, body: await response.text() };
      const problem = answer.status === 500 ? (JSON.parse(answer.body) as { __type: string }).__type === "InternalFailure" ? undefined : "500 not InternalFailure" : problemWith(answer, { kind: "fault", operation: "ListPipelines", body: "" });
      if (problem) problems.push(`fault → ${problem}`);
    }
    await emu.control.faults({ errorRate: 0, throttleRate: 0 });

    expect((await (await fetch(`${url}/_emulator/health`)).json()) as object).toMatchObject({ status: "ok" });
    expect(problems).toEqual([]);
    expect(logged.filter((line) => line.startsWith("InternalFailure"))).toEqual([]);
    const after = await observable();
    expect(after.pipelines).toEqual(before.pipelines);
    expect(after.details).toEqual(before.details);
    if (after.core !== before.core && process.env.FUZZ_DUMP) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(`${process.env.FUZZ_DUMP}/before.json`, JSON.stringify(JSON.parse(before.core), null, 1));
      writeFileSync(`${process.env.FUZZ_DUMP}/after.json`, JSON.stringify(JSON.parse(after.core), null, 1));
    }
    expect(after.core === before.core, "the engine snapshot changed (set FUZZ_DUMP=<dir> to write both)").toBe(true);
    expect(probes.length).toBeGreaterThan(2000);
  }, 60_000);
});
