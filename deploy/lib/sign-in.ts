import { CfnOutput, RemovalPolicy, type Stack } from "aws-cdk-lib/core";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as iam from "aws-cdk-lib/aws-iam";
import { cognitoDomainMetadata, cognitoIssuer, loginSettings, type LoginSettings } from "./dashboard-config";
import type { DeploySettings } from "./settings";

export interface SignInSetup {
  /** config.json's login block; none for guests. */
  login?: LoginSettings;
  /** What the identity pool accepts tokens from. */
  identityProviders: Pick<cognito.CfnIdentityPoolProps, "cognitoIdentityProviders" | "openIdConnectProviderArns">;
  /** Who gets the operator role: the provider as the identity pool names it, and the claim that must contain the group. */
  approvers?: { identityProvider: string; claim: string; group: string };
}

/** Sign-in: a user pool with Cognito's managed login, the operator's own OpenID Connect provider, or none (guests). */
export function createSignIn(stack: Stack, { name, signIn }: DeploySettings, appUrl: string): SignInSetup {
  if (signIn.mode === "guest") return { identityProviders: {} };

  if (signIn.mode === "oidc") {
    const login = loginSettings(signIn.issuer, signIn.clientId);
    const providerArn =
      signIn.providerArn ?? new iam.OidcProviderNative(stack, "SignInProvider", { url: signIn.issuer, clientIds: [signIn.clientId] }).oidcProviderArn;
    new CfnOutput(stack, "SignInRedirectUri", { value: appUrl, description: "Register this redirect URI with your OpenID Connect client" });
    return {
      login,
      identityProviders: { openIdConnectProviderArns: [providerArn] },
      approvers: { identityProvider: login.provider, claim: signIn.approverClaim, group: signIn.approverGroup },
    };
  }

  const userPool = new cognito.UserPool(stack, "Users", {
    userPoolName: name,
    // People are invited by an administrator (`aws cognito-idp admin-create-user`), not self-registered.
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    autoVerify: { email: true },
    mfa: cognito.Mfa.OPTIONAL,
    mfaSecondFactor: { otp: true, sms: false },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    // Managed login needs the Essentials plan (or Plus).
    featurePlan: cognito.FeaturePlan.ESSENTIALS,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new cognito.UserPoolGroup(stack, "Approvers", {
    userPool,
    groupName: signIn.approverGroup,
    description: "Gets the operator role: may approve, start, stop, retry and roll back",
  });
  const client = userPool.addClient("Dashboard", {
    // A browser app cannot keep a secret: the authorization code flow with PKCE instead.
    generateSecret: false,
    authFlows: {},
    oAuth: {
      flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
      callbackUrls: [appUrl],
      logoutUrls: [appUrl],
    },
    supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
  });
  const domain = userPool.addDomain("SignIn", {
    cognitoDomain: { domainPrefix: signIn.domainPrefix },
    managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
  });
  // Managed login shows its pages only for app clients that have a branding style: Cognito's own.
  new cognito.CfnManagedLoginBranding(stack, "SignInBranding", {
    userPoolId: userPool.userPoolId,
    clientId: client.userPoolClientId,
    useCognitoProvidedValues: true,
  }).node.addDependency(domain);
  new CfnOutput(stack, "SignInDomain", { value: domain.baseUrl(), description: "Cognito's managed sign-in pages" });
  new CfnOutput(stack, "UserPoolId", {
    value: userPool.userPoolId,
    description: `Invite people with aws cognito-idp admin-create-user; make approvers with admin-add-user-to-group --group-name ${signIn.approverGroup}`,
  });
  return {
    login: loginSettings(cognitoIssuer(stack.region, userPool.userPoolId), client.userPoolClientId, cognitoDomainMetadata(signIn.domainPrefix, stack.region)),
    // Server-side token check: a user signed out everywhere (or disabled) gets no new credentials.
    identityProviders: { cognitoIdentityProviders: [{ providerName: userPool.userPoolProviderName, clientId: client.userPoolClientId, serverSideTokenCheck: true }] },
    approvers: { identityProvider: `${userPool.userPoolProviderName}:${client.userPoolClientId}`, claim: "cognito:groups", group: signIn.approverGroup },
  };
}
