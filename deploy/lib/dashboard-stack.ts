import { join } from "node:path";
import { Annotations, CfnOutput, Duration, Fn, Lazy, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib/core";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as iam from "aws-cdk-lib/aws-iam";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import type { Construct } from "constructs";
import { contentSecurityPolicy, dashboardConfig } from "./dashboard-config";
import { partitionOf, roleArn, roleNames } from "./names";
import { identityPoolTrustPolicy, operatorPolicy, pipelineArns, readOnlyPolicy, type Place } from "./permissions";
import { memberAccounts, SettingsError, type DeploySettings } from "./settings";
import { LiveUpdates } from "./live-updates";
import { createSignIn } from "./sign-in";
import { ASSETS_DIR, siteFiles, spaRewriteCode } from "./site";

/** CloudFront's limit for a Content-Security-Policy in a response headers policy. */
export const CSP_MAX_LENGTH = 1783;

export interface DashboardStackProps extends StackProps {
  settings: DeploySettings;
}

/**
 * The dashboard in one account: the build in a private bucket behind CloudFront, a Cognito identity pool
 * with its sign-in, and the two roles it hands out (read-only for everyone, operator for approvers).
 */
export class DashboardStack extends Stack {
  constructor(scope: Construct, id: string, { settings, ...props }: DashboardStackProps) {
    super(scope, id, { description: "CodePipeline Dashboard: static site, sign-in and the roles it hands out", ...props });
    const guest = settings.signIn.mode === "guest";
    const names = roleNames(settings.name);
    const partition = partitionOf(settings.region);

    // The site first: its URL is sign-in's redirect URI. Its CSP is computed below from config.json's
    // object (which names the sign-in) and filled in at synthesis.
    const csp = { policy: "" };
    const bucket = new s3.Bucket(this, "Site", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Everything in it is rebuilt from the repository by the next deploy.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const headers = new cloudfront.ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "CodePipeline Dashboard: CSP from headerPolicy(config), HSTS, nosniff, no referrer",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: Lazy.string({ produce: () => csp.policy }), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      },
    });
    // LIST lets S3 answer 404 (not 403) for a missing asset. It cannot list the bucket through CloudFront:
    // "/" is index.html (default root object, and the routes function), and no query string is forwarded.
    const origin = origins.S3BucketOrigin.withOriginAccessControl(bucket, { originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST] });
    const files = siteFiles(settings.dist);
    const distribution = new cloudfront.Distribution(this, "Cdn", {
      comment: `CodePipeline Dashboard (${settings.name})`,
      defaultRootObject: "index.html",
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // index.html (for every app route) and config.json: each load reads the current ones.
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, "AppRoutes", {
              comment: "Serves index.html for the app's routes (deep links)",
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              code: cloudfront.FunctionCode.fromInline(spaRewriteCode(files)),
            }),
          },
        ],
      },
      additionalBehaviors: {
        // Hashed file names: a new build has new names, so a year in every cache is safe.
        [`${ASSETS_DIR}/*`]: {
          origin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
        },
      },
    });
    Annotations.of(distribution).acknowledgeWarning("@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk", "default root object set, see the origin above");
    const appUrl = `https://${distribution.distributionDomainName}/`;

    const signInSetup = createSignIn(this, settings, appUrl);

    // Classic (basic) flow off: with it, anyone signed in could trade their token for any role that trusts
    // the pool, the operator role included, bypassing the group rule below.
    const identityPool = new cognito.CfnIdentityPool(this, "Identities", {
      identityPoolName: settings.name,
      allowUnauthenticatedIdentities: guest,
      allowClassicFlow: false,
      ...signInSetup.identityProviders,
    });

    // The roles, with the policies of ./permissions.ts.
    const ownPlaces: Place[] = [...new Set([settings.region, ...settings.sources.filter((s) => !s.account).map((s) => s.region)])].map((region) => ({
      partition,
      account: settings.account,
      region,
    }));
    const readArns = pipelineArns(["*"], ownPlaces);
    const members = [...memberAccounts(settings)];
    const memberRoles = (roleName: string, access?: "operator") =>
      members.filter(([, level]) => !access || level === access).map(([account]) => roleArn(partition, account, roleName));
    const identities = guest ? "unauthenticated" : "authenticated";
    const readOnlyRole = new iam.CfnRole(this, "ReadOnlyRole", {
      roleName: names.readOnly,
      description: "CodePipeline Dashboard: watch pipelines (everyone who signs in)",
      assumeRolePolicyDocument: identityPoolTrustPolicy(identityPool.ref, identities),
      policies: [{ policyName: "codepipeline-read-only", policyDocument: readOnlyPolicy({ read: readArns, assumeRoles: memberRoles(names.crossAccountReadOnly) }) }],
    });
    // Approvers exist only with a sign-in: guests get no operator role at all.
    const { approvers } = signInSetup;
    const operatorRole =
      approvers &&
      new iam.CfnRole(this, "OperatorRole", {
        roleName: names.operator,
        description: "CodePipeline Dashboard: approve, start, stop, retry, roll back (approvers)",
        assumeRolePolicyDocument: identityPoolTrustPolicy(identityPool.ref, "authenticated"),
        policies: [
          {
            policyName: "codepipeline-operator",
            policyDocument: operatorPolicy({
              read: readArns,
              operate: pipelineArns(settings.operatorPipelines, ownPlaces),
              assumeRoles: [...memberRoles(names.crossAccountReadOnly), ...memberRoles(names.crossAccountOperator, "operator")],
            }),
          },
        ],
      });

    // Who gets which role: the approver group (or claim) gets the operator role, everyone else reads.
    new cognito.CfnIdentityPoolRoleAttachment(this, "RoleMapping", {
      identityPoolId: identityPool.ref,
      roles: { [identities]: readOnlyRole.attrArn },
      roleMappings: approvers &&
        operatorRole && {
          // A fixed key: CloudFormation map keys cannot be tokens, so the provider is named inside.
          signIn: {
            identityProvider: approvers.identityProvider,
            type: "Rules",
            ambiguousRoleResolution: "AuthenticatedRole",
            rulesConfiguration: { rules: [{ claim: approvers.claim, matchType: "Contains", value: approvers.group, roleArn: operatorRole.attrArn }] },
          },
        },
    });

    // config.json and the CSP, from one object. An identity pool id is REGION:UUID: written with the region
    // as text, the CSP (which reads only that region) is text, and config.json gets the whole id at deploy.
    const identityPoolId = `${this.region}:${Fn.select(1, Fn.split(":", identityPool.ref))}`;
    const live =
      settings.liveUpdates ?
        new LiveUpdates(this, "LiveUpdates", {
          name: settings.name,
          memberAccounts: members.map(([account]) => account),
          subscribers: [readOnlyRole, ...(operatorRole ? [operatorRole] : [])],
        })
      : undefined;
    const config = dashboardConfig(settings, { identityPoolId, login: signInSetup.login }, live && { httpEndpoint: live.httpEndpoint, realtimeEndpoint: live.realtimeEndpoint });
    csp.policy = contentSecurityPolicy(config);
    if (csp.policy.length > CSP_MAX_LENGTH) {
      throw new SettingsError(`The Content-Security-Policy would have ${csp.policy.length} characters, more than CloudFront's ${CSP_MAX_LENGTH}: use fewer regions in sources.`);
    }

    // The build, then the files that name it: open tabs keep loading the chunks of the build they started
    // with (assets/ is never pruned), and index.html never points at bundles that are not uploaded yet.
    const assets = new s3deploy.BucketDeployment(this, "UploadAssets", {
      sources: [s3deploy.Source.asset(join(settings.dist, ASSETS_DIR))],
      destinationBucket: bucket,
      destinationKeyPrefix: `${ASSETS_DIR}/`,
      cacheControl: [s3deploy.CacheControl.fromString("public, max-age=31536000, immutable")],
      prune: false,
    });
    const site = new s3deploy.BucketDeployment(this, "UploadSite", {
      sources: [
        s3deploy.Source.asset(settings.dist, { exclude: [ASSETS_DIR, "config.json"] }),
        // Its tokens (pool and client ids) are filled in at deploy time.
        s3deploy.Source.jsonData("config.json", config),
      ],
      destinationBucket: bucket,
      cacheControl: [s3deploy.CacheControl.noCache()],
      prune: false,
    });
    site.node.addDependency(assets);

    new CfnOutput(this, "DashboardUrl", { value: appUrl, description: "Open this" });
    new CfnOutput(this, "IdentityPoolId", { value: identityPool.ref });
    new CfnOutput(this, "ReadOnlyRoleArn", { value: readOnlyRole.attrArn });
    if (operatorRole) new CfnOutput(this, "OperatorRoleArn", { value: operatorRole.attrArn });
    if (live) new CfnOutput(this, "LiveUpdatesDeadLetterQueue", { value: live.deadLetters.queueUrl, description: "Events AppSync refused (an expired API key: redeploy)" });
    new CfnOutput(this, "BucketName", { value: bucket.bucketName });
    new CfnOutput(this, "DistributionId", { value: distribution.distributionId });
  }
}
