import type { DashboardConfig } from "../../src/config/schema";
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
 * The login block for the authorization code flow with PKCE (an OpenID Connect client library in the browser
 * discovers the endpoints at `authority` + `/.well-known/openid-configuration`). The app's schema
 * (src/config/schema.ts) still describes the implicit flow's block; this is the shape it moves to, kept in
 * this one place so the two are easy to align.
 */
export interface LoginSettings {
  /** The identity pool's login key for this provider: the issuer without `https://`. */
  provider: string;
  /** The OpenID Connect issuer URL (the id token's `iss`). */
  authority: string;
  clientId: string;
  scope: string;
}

export function loginSettings(issuer: string, clientId: string): LoginSettings {
  return { provider: issuer.replace(/^https:\/\//, "").replace(/\/$/, ""), authority: issuer, clientId, scope: LOGIN_SCOPE };
}

/** A Cognito user pool's issuer; its host and path are also the pool's login key in an identity pool. */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

type CognitoCredentials = { type: "cognito"; identityPoolId: string; login?: LoginSettings };
type AssumeRoleCredentials = { type: "assumeRole"; roleArn: string; externalId: string };

export interface DeployedConfig {
  region: string;
  label?: string;
  readOnly?: boolean;
  credentials: CognitoCredentials;
  sources: { id: string; label: string; region: string; credentials: CognitoCredentials | AssumeRoleCredentials; readOnly?: boolean }[];
}

export function dashboardConfig(settings: DeploySettings, identity: { identityPoolId: string; login?: LoginSettings }): DeployedConfig {
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
  };
}

/**
 * The whole policy for the Content-Security-Policy header. headerPolicy reads the regions, identity pools
 * and endpoints of every source; its parameter is the app's parsed config type, whose login block is still
 * the implicit flow's, hence the cast.
 */
export function contentSecurityPolicy(config: DeployedConfig): string {
  return headerPolicy(config as unknown as DashboardConfig);
}
