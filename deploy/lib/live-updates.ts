import { Duration, Expiration, SecretValue, Stack } from "aws-cdk-lib/core";
import * as appsync from "aws-cdk-lib/aws-appsync";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";

/*
 * Live updates (docs/live-updates.md): CodePipeline's state-change events → an EventBridge rule → an API
 * destination (with a dead-letter queue) → AWS AppSync Events, which the dashboard's pages subscribe to
 * with the identity pool's IAM credentials.
 *
 * Channels are `/codepipeline/ACCOUNT/REGION`. A channel segment takes 1–50 letters, digits and dashes; a
 * pipeline name may hold `.`, `@`, `_` and 100 characters, and an input transformer can only copy values, not
 * encode them. So events go to their account and region's channel with the pipeline in the payload, and the
 * browser keeps those of the pipelines it shows: no Lambda to run and pay for, and the dashboard subscribes to
 * every pipeline of its sources anyway (the approvals count on every page needs them all).
 *
 * Who may do what: the API takes IAM for connecting and subscribing (the roles below get EventConnect and
 * EventSubscribe, nothing else) and only its API key for publishing, which lives in the EventBridge
 * connection's secret: nobody but the rule publishes, whatever IAM policies say.
 */

export const LIVE_NAMESPACE = "codepipeline";

export const DETAIL_TYPES = [
  "CodePipeline Pipeline Execution State Change",
  "CodePipeline Stage Execution State Change",
  "CodePipeline Action Execution State Change",
];

/** What the dashboard reads of an event (src/core/live/live-event.ts), as JSON paths of the EventBridge event. */
export const TRIMMED_FIELDS: Record<string, string> = {
  account: "$.account",
  region: "$.region",
  pipeline: "$.detail.pipeline",
  executionId: "$.detail.execution-id",
  stage: "$.detail.stage",
  action: "$.detail.action",
  category: "$.detail.type.category",
  state: "$.detail.state",
  time: "$.time",
  detailType: "$.detail-type",
};

/**
 * AppSync Events' publish body: `{channel, events: [one JSON string]}`. Every value copied in is safe inside a
 * JSON string: names are [A-Za-z0-9.@_-], ids are UUIDs, states and types are words.
 */
export function publishInput(): events.RuleTargetInput {
  const event = Object.fromEntries(Object.entries(TRIMMED_FIELDS).map(([name, path]) => [name, events.EventField.fromPath(path)]));
  return events.RuleTargetInput.fromObject({
    channel: `/${LIVE_NAMESPACE}/${events.EventField.account}/${events.EventField.region}`,
    events: [JSON.stringify(event)],
  });
}

/** The pattern of the rules, in the dashboard's account and the forwarding ones in others. */
export const codePipelineEvents: events.EventPattern = { source: ["aws.codepipeline"], detailType: DETAIL_TYPES };

export interface LiveUpdatesProps {
  /** Accounts whose default bus forwards CodePipeline's events here (member accounts with sources). */
  memberAccounts: string[];
  /** Roles whose sessions subscribe (the dashboard's read-only and operator roles). */
  subscribers: iam.CfnRole[];
  /** Prefix of named resources. */
  name: string;
}

export class LiveUpdates extends Construct {
  readonly api: appsync.EventApi;
  readonly deadLetters: sqs.Queue;
  readonly rule: events.Rule;
  /** The Event API's endpoints for config.json. */
  readonly httpEndpoint: string;
  readonly realtimeEndpoint: string;

  constructor(scope: Construct, id: string, { memberAccounts, subscribers, name }: LiveUpdatesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const iamAuth: appsync.AppSyncAuthProvider = { authorizationType: appsync.AppSyncAuthorizationType.IAM };
    const keyAuth: appsync.AppSyncAuthProvider = {
      authorizationType: appsync.AppSyncAuthorizationType.API_KEY,
      // AppSync's longest: each deploy sets it a year ahead; an expired key shows as messages in the DLQ.
      apiKeyConfig: { name: "eventbridge", description: "The EventBridge API destination publishes with it", expires: Expiration.after(Duration.days(365)) },
    };
    this.api = new appsync.EventApi(this, "Api", {
      apiName: `${name}-live-updates`,
      authorizationConfig: {
        authProviders: [iamAuth, keyAuth],
        connectionAuthModeTypes: [appsync.AppSyncAuthorizationType.IAM],
        defaultSubscribeAuthModeTypes: [appsync.AppSyncAuthorizationType.IAM],
        defaultPublishAuthModeTypes: [appsync.AppSyncAuthorizationType.API_KEY],
      },
    });
    const namespace = this.api.addChannelNamespace("Namespace", { channelNamespaceName: LIVE_NAMESPACE });
    this.httpEndpoint = `https://${this.api.httpDns}/event`;
    this.realtimeEndpoint = `wss://${this.api.realtimeDns}/event/realtime`;

    const connection = new events.Connection(this, "Connection", {
      description: "AppSync Events API key for the live-updates API destination",
      authorization: events.Authorization.apiKey("x-api-key", SecretValue.resourceAttribute(this.api.apiKeys.eventbridge.attrApiKey)),
    });
    const destination = new events.ApiDestination(this, "Destination", {
      description: "AppSync Events publish endpoint",
      connection,
      endpoint: this.httpEndpoint,
      httpMethod: events.HttpMethod.POST,
      // Bursts of a busy organisation fit; AppSync Events takes far more.
      rateLimitPerSecond: 100,
    });
    this.deadLetters = new sqs.Queue(this, "DeadLetters", { retentionPeriod: Duration.days(14), enforceSSL: true, encryption: sqs.QueueEncryption.SQS_MANAGED });
    this.rule = new events.Rule(this, "Rule", {
      description: "CodePipeline state changes to the dashboard's live updates",
      eventPattern: codePipelineEvents,
      targets: [
        new targets.ApiDestination(destination, {
          event: publishInput(),
          deadLetterQueue: this.deadLetters,
          retryAttempts: 3,
          // A late hint is worth nothing: the page has polled by then.
          maxEventAge: Duration.minutes(5),
        }),
      ],
    });

    // Member accounts put their CodePipeline events on this account's default bus (their rule: memberForwarding).
    for (const account of memberAccounts) {
      new events.CfnEventBusPolicy(this, `From${account}`, {
        statementId: `codepipeline-dashboard-${account}`,
        statement: {
          Effect: "Allow",
          Principal: { AWS: `arn:${stack.partition}:iam::${account}:root` },
          Action: "events:PutEvents",
          Resource: `arn:${stack.partition}:events:${stack.region}:${stack.account}:event-bus/default`,
          Condition: { StringEquals: { "events:source": "aws.codepipeline" } },
        },
      });
    }

    for (const role of subscribers) {
      role.policies = [
        ...((role.policies as iam.CfnRole.PolicyProperty[] | undefined) ?? []),
        {
          policyName: "live-updates-subscribe",
          policyDocument: {
            Version: "2012-10-17",
            Statement: [
              { Effect: "Allow", Action: "appsync:EventConnect", Resource: this.api.apiArn },
              { Effect: "Allow", Action: "appsync:EventSubscribe", Resource: `${namespace.channelNamespaceArn}` },
            ],
          },
        },
      ];
    }
  }
}

/**
 * In a member account: its CodePipeline events, as they are, to the dashboard account's default bus in the
 * dashboard's region (the role lets EventBridge put them there).
 */
export function memberForwarding(scope: Construct, dashboard: { partition: string; account: string; region: string }): events.CfnRule {
  const bus = `arn:${dashboard.partition}:events:${dashboard.region}:${dashboard.account}:event-bus/default`;
  const role = new iam.CfnRole(scope, "ForwardEventsRole", {
    description: "CodePipeline Dashboard: forwards CodePipeline's events to the dashboard account",
    assumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sts:AssumeRole" }] },
    policies: [{ policyName: "put-events", policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "events:PutEvents", Resource: bus }] } }],
  });
  return new events.CfnRule(scope, "ForwardEvents", {
    description: "CodePipeline state changes to the dashboard account's bus (live updates)",
    eventPattern: { source: codePipelineEvents.source, "detail-type": codePipelineEvents.detailType },
    targets: [{ id: "dashboard", arn: bus, roleArn: role.attrArn }],
  });
}
