import type { ConfigInput, LoginConfigInput } from "../../src/config/schema";
import { headerPolicy } from "../../src/config/csp";
import { partitionOf, roleArn, roleNames } from "./names";
import type { DeploySettings } from "./settings";

/**
 * The config.json the stack uploads beside the app, and the Content-Security-Policy header computed from that
 * same object, so the policy's connect-src always names the regions the config sends requests to.
 */

/** The scopes the dashboard asks for: the id token (openid) with the user's name and e-mail to show. */
export const LOGIN_SCOPE = "openid email profile";

/**
 * The login block of the app's schema (src/config/schema.ts): the authorization code flow with PKCE, where the
 * browser's OpenID Connect client discovers the endpoints at `authority` + `/.well-known/openid-configuration`,
 * and `metadata` names those it must know in advance.
 */
export type LoginSettings = LoginConfigInput & { scope: string };

export function loginSettings(issuer: string, clientId: string, metadata?: LoginSettings["metadata"]): LoginSettings {
  return {
    provider: issuer.replace(/^https:\/\//, "").replace(/\/$/, ""),
    authority: issuer,
    clientId,
    scope: LOGIN_SCOPE,
    ...(metadata && { metadata }),
  };
}

/**
 * A user pool's managed sign-in domain hosts its token and revocation endpoints and its sign-out page, on an
 * origin its issuer (cognito-idp.REGION.amazonaws.com) does not name: the page's connect-src must allow it
 * before discovery is read, and Cognito's discovery document lists no sign-out endpoint.
 */
export function cognitoDomainMetadata(domainPrefix: string, region: string): NonNullable<LoginSettings["metadata"]> {
  const domain = `https://${domainPrefix}.auth.${region}.amazoncognito.com`;
  return { token_endpoint: `${domain}/oauth2/token`, revocation_endpoint: `${domain}/oauth2/revoke`, end_session_endpoint: `${domain}/logout` };
}

/** A Cognito user pool's issuer; its host and path are also the pool's login key in an identity pool. */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

type CognitoCredentials = { type: "cognito"; identityPoolId: string; login?: LoginSettings };
type AssumeRoleCredentials = { type: "assumeRole"; roleArn: string; externalId: string };

/** What the stack writes; a ConfigInput, so it is checked against the app's schema at compile time. */
export interface DeployedConfig extends ConfigInput {
  region: string;
  label?: string;
  readOnly?: boolean;
  credentials: CognitoCredentials;
  sources: { id: string; label: string; region: string; credentials: CognitoCredentials | AssumeRoleCredentials; readOnly?: boolean }[];
  events?: { httpEndpoint: string; realtimeEndpoint: string; accountId: string; safetyIntervalSeconds: number };
}

/**
 * With live updates, the Event API's endpoints, as deploy-time tokens. The CSP cannot read a token's host, so it
 * is computed with `LIVE_UPDATES_CSP_ENDPOINTS`: every Event API of the region (AppSync's own domains).
 */
export interface LiveEndpoints {
  httpEndpoint: string;
  realtimeEndpoint: string;
}

export const liveUpdatesCspEndpoints = (region: string): LiveEndpoints => ({
  httpEndpoint: `https://*.appsync-api.${region}.amazonaws.com/event`,
  realtimeEndpoint: `wss://*.appsync-realtime-api.${region}.amazonaws.com/event/realtime`,
});

export function dashboardConfig(settings: DeploySettings, identity: { identityPoolId: string; login?: LoginSettings }, live?: LiveEndpoints): DeployedConfig {
  const credentials: CognitoCredentials = { type: "cognito", identityPoolId: identity.identityPoolId, ...(identity.login && { login: identity.login }) };
  const names = roleNames(settings.name);
  return {
    region: settings.region,
    ...(settings.label && { label: settings.label }),
    // Guests cannot act, so the controls are not shown at all.
    ...(settings.signIn.mode === "guest" && { readOnly: true }),
    credentials,
    sources: settings.sources.map((source) => ({
      id: source.id,
      label: source.label,
      region: source.region,
      credentials: source.account
        ? { type: "assumeRole", roleArn: roleArn(partitionOf(settings.region), source.account, names.crossAccountReadOnly), externalId: settings.externalId }
        : credentials,
      // config.json names one role per source for every user, so another account is reached through its
      // read-only role, which everyone may assume; see the README for acting in other accounts.
      ...(source.account && { readOnly: true }),
    })),
    ...(live && { events: { ...live, accountId: settings.account, safetyIntervalSeconds: settings.safetyIntervalSeconds } }),
  };
}

/**
 * The whole policy for the Content-Security-Policy header, from the config.json the stack uploads: the
 * regions, identity pools, endpoints and sign-in origins of every source.
 */
export function contentSecurityPolicy(config: DeployedConfig): string {
  return headerPolicy(config.events ? { ...config, events: { ...config.events, ...liveUpdatesCspEndpoints(config.region) } } : config);
}
