import { createHmac, timingSafeEqual } from "node:crypto";
import { BlockList, isIPv4 } from "node:net";
import type { ListWebhookItem, Tag, WebhookDefinition } from "@aws-sdk/client-codepipeline";
import { query, type JsonValue } from "jsonpath-rfc9535";
import {
  InvalidWebhookAuthenticationParametersException,
  InvalidWebhookFilterPatternException,
  LimitExceededException,
  ValidationException,
  WebhookNotFoundException,
} from "../errors";
import type { WebhookRecord } from "../state/records";
import { currentDeclaration, regionOf, requirePipeline, type Scope, scopeKey } from "../state/world";
import type { Engine } from "./engine";
import { startExecution } from "./lifecycle";
import { checkTags, mergeTags } from "./pipelines";

/*
 * Webhooks (V1 source triggers): PutWebhook defines one for a pipeline's source action and gets a
 * URL; a POST to it that passes the webhook's authentication and filters starts the pipeline with
 * trigger type `Webhook`, the webhook's ARN as trigger detail. The emulator takes those POSTs at
 * `POST /_emulator/webhooks/NAME` (see control/routes.ts); nothing leaves the machine, so
 * Register/DeregisterWebhookWithThirdParty only record whether the repository host would call it.
 */

/** AWS's quota of webhooks per account and region. */
const MAX_WEBHOOKS = 300;

export const webhookArn = (scope: Scope, name: string) => `arn:aws:codepipeline:${scope.region}:${scope.accountId}:webhook:${name}`;

function existingWebhooks(e: Engine, scope: Scope): Record<string, WebhookRecord> {
  return e.world.regions[scopeKey(scope)]?.webhooks ?? {};
}

export function requireWebhook(e: Engine, scope: Scope, name: string | undefined): WebhookRecord {
  const webhook = name === undefined ? undefined : existingWebhooks(e, scope)[name];
  if (!webhook) throw new WebhookNotFoundException(`Webhook '${name ?? ""}' does not exist in account '${scope.accountId}'.`);
  return webhook;
}

function checkFilters(definition: WebhookDefinition): void {
  for (const { jsonPath } of definition.filters ?? []) {
    try {
      query({}, jsonPath!);
    } catch (error) {
      throw new InvalidWebhookFilterPatternException(`The JsonPath expression '${jsonPath}' is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function checkAuthentication(definition: WebhookDefinition): void {
  const { authentication, authenticationConfiguration: config = {} } = definition;
  if (authentication === "GITHUB_HMAC" && !config.SecretToken) {
    throw new InvalidWebhookAuthenticationParametersException("GITHUB_HMAC authentication needs a SecretToken in authenticationConfiguration.");
  }
  if (authentication === "IP") {
    if (!config.AllowedIPRange || !parseCidr(config.AllowedIPRange)) {
      throw new InvalidWebhookAuthenticationParametersException(`IP authentication needs AllowedIPRange as an IPv4 CIDR block (such as 192.0.2.0/24); got '${config.AllowedIPRange ?? ""}'.`);
    }
  }
}

function parseCidr(cidr: string): BlockList | undefined {
  const [address, bits, ...rest] = cidr.split("/");
  const prefix = Number(bits);
  if (rest.length || !isIPv4(address) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  const list = new BlockList();
  list.addSubnet(address, prefix, "ipv4");
  return list;
}

/** PutWebhook: defines the webhook, or replaces the definition of the one with that name (its URL stays). */
export function putWebhook(e: Engine, scope: Scope, definition: WebhookDefinition, tags: Tag[]): WebhookRecord {
  const p = requirePipeline(e.world, scope, definition.targetPipeline!);
  const sources = currentDeclaration(p).stages![0].actions!;
  if (!sources.some((a) => a.name === definition.targetAction)) {
    throw new ValidationException(`Webhook target action '${definition.targetAction}' is not an action of the source (first) stage of pipeline '${p.name}'.`);
  }
  checkFilters(definition);
  checkAuthentication(definition);
  const webhooks = (regionOf(e.world, scope).webhooks ??= {});
  const existing = webhooks[definition.name!];
  if (!existing && Object.keys(webhooks).length >= MAX_WEBHOOKS) {
    throw new LimitExceededException(`The account has reached the limit of ${MAX_WEBHOOKS} webhooks in this Region.`);
  }
  const arn = webhookArn(scope, definition.name!);
  checkTags(arn, existing?.tags ?? [], tags);
  const record: WebhookRecord = {
    definition: structuredClone(definition),
    arn,
    url: existing?.url ?? `https://${scope.region}.webhooks.aws/trigger?t=${e.rng.hex(64)}&v=1`,
    tags: mergeTags(existing?.tags ?? [], tags),
    registeredWithThirdParty: existing?.registeredWithThirdParty ?? false,
    ...(existing?.lastTriggered !== undefined && { lastTriggered: existing.lastTriggered }),
  };
  webhooks[record.definition.name!] = record;
  e.changed();
  return record;
}

/** DeleteWebhook models no "not found": deleting one that does not exist succeeds. */
export function deleteWebhook(e: Engine, scope: Scope, name: string): void {
  const webhooks = e.world.regions[scopeKey(scope)]?.webhooks;
  if (webhooks?.[name]) {
    delete webhooks[name];
    e.changed();
  }
}

export function setRegistered(e: Engine, scope: Scope, name: string | undefined, registered: boolean): void {
  requireWebhook(e, scope, name).registeredWithThirdParty = registered;
  e.changed();
}

export function listWebhooks(e: Engine, scope: Scope): WebhookRecord[] {
  return Object.values(existingWebhooks(e, scope)).sort((a, b) => a.definition.name!.localeCompare(b.definition.name!));
}

/** What the API shows of a webhook: the secret token is redacted, as AWS does. */
export function webhookItem(record: WebhookRecord): ListWebhookItem {
  const { SecretToken, ...config } = record.definition.authenticationConfiguration ?? {};
  return {
    definition: { ...structuredClone(record.definition), authenticationConfiguration: { ...config, ...(SecretToken !== undefined && { SecretToken: "****" }) } },
    url: record.url,
    arn: record.arn,
    ...(record.lastTriggered !== undefined && { lastTriggered: new Date(record.lastTriggered) }),
    ...(record.tags.length > 0 && { tags: record.tags.map((t) => ({ ...t })) }),
  };
}

export interface WebhookCall {
  /** The raw body, as the repository host sent it (the HMAC is over these bytes). */
  body: string;
  /** `X-Hub-Signature-256` (`sha256=…`) or `X-Hub-Signature` (`sha1=…`), as GitHub sends them. */
  signatures: { sha256?: string; sha1?: string };
  sourceIp: string;
}

/** A call that fails the webhook's authentication: answered 401, nothing starts. */
export class WebhookAuthenticationError extends Error {}

function authenticate(record: WebhookRecord, call: WebhookCall): void {
  const { authentication, authenticationConfiguration: config = {} } = record.definition;
  if (authentication === "GITHUB_HMAC") {
    const expect = (algorithm: "sha256" | "sha1", given: string | undefined) => {
      if (given === undefined) return false;
      const wanted = Buffer.from(`${algorithm}=${createHmac(algorithm, config.SecretToken!).update(call.body).digest("hex")}`);
      const sent = Buffer.from(given);
      return sent.length === wanted.length && timingSafeEqual(sent, wanted);
    };
    if (!expect("sha256", call.signatures.sha256) && !expect("sha1", call.signatures.sha1)) {
      throw new WebhookAuthenticationError("The request's X-Hub-Signature-256 (or X-Hub-Signature) does not match the webhook's secret token.");
    }
  } else if (authentication === "IP") {
    const address = call.sourceIp.replace(/^::ffff:/, "");
    if (!isIPv4(address) || !parseCidr(config.AllowedIPRange!)!.check(address, "ipv4")) {
      throw new WebhookAuthenticationError(`The request comes from ${call.sourceIp}, outside the webhook's AllowedIPRange ${config.AllowedIPRange}.`);
    }
  }
}

/** Why a call that passed authentication does not start the pipeline, or undefined when it does. */
function unmatchedFilter(record: WebhookRecord, configuration: Record<string, string>, body: string): string | undefined {
  const filters = record.definition.filters ?? [];
  if (filters.length === 0) return undefined;
  let payload: JsonValue;
  try {
    payload = JSON.parse(body) as JsonValue;
  } catch {
    return "The payload is not JSON, so the webhook's filters cannot match it.";
  }
  for (const { jsonPath, matchEquals } of filters) {
    const found = query(payload, jsonPath!);
    // `{Key}` in matchEquals stands for the target action's configuration value of Key.
    const wanted = matchEquals?.replace(/\{([^}]+)\}/g, (m, key: string) => configuration[key] ?? m);
    const ok = wanted === undefined ? found.length > 0 : found.some((value) => (typeof value === "string" ? value : JSON.stringify(value)) === wanted);
    if (!ok) return `Filter ${jsonPath}${wanted === undefined ? "" : ` == '${wanted}'`} does not match the payload.`;
  }
  return undefined;
}

export type WebhookOutcome = { started: true; pipelineExecutionId: string } | { started: false; reason: string };

/** A POST to the webhook's URL, as the repository host makes it. */
export function triggerWebhook(e: Engine, scope: Scope, name: string, call: WebhookCall): WebhookOutcome {
  const record = requireWebhook(e, scope, name);
  authenticate(record, call);
  const p = requirePipeline(e.world, scope, record.definition.targetPipeline!);
  const action = currentDeclaration(p).stages![0].actions!.find((a) => a.name === record.definition.targetAction);
  if (!action) return { started: false, reason: `Action '${record.definition.targetAction}' is no longer in the source stage of '${p.name}'.` };
  const reason = unmatchedFilter(record, action.configuration ?? {}, call.body);
  if (reason) return { started: false, reason };
  record.lastTriggered = e.now();
  const x = startExecution(e, p, { trigger: { triggerType: "Webhook", triggerDetail: record.arn } });
  return { started: true, pipelineExecutionId: x.id };
}
