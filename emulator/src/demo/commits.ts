// Commit histories the demo's repositories hand out (cycling, in order). Multi-line bodies, conventional
// prefixes on the repos that use them, plain messages on the legacy ones: what a reviewer actually sees.
import type { SourceBehaviour } from "../scenario/types";

type Commit = SourceBehaviour["commits"][number];

const c = (author: string, message: string): Commit => ({ author, message });

export const AUTHORS = [
  "Priya Raman",
  "Marcus Oyelaran",
  "Sofia Lindqvist",
  "Kenji Watanabe",
  "Amara Nwosu",
  "Tomás Ferreira",
  "Hannah Becker",
  "Dev Patel",
  "Lucía Moreno",
  "Owen Gallagher",
  "dependabot[bot]",
] as const;

export const commits = {
  web: [
    c("Priya Raman", "feat(cart): persist cart across devices for signed-in users\n\nCarts are now stored server-side keyed by customer id and merged with the\nanonymous cart on sign-in. Closes #1182."),
    c("Marcus Oyelaran", "fix(checkout): keep promo code when the shipping address changes"),
    c("dependabot[bot]", "chore(deps): bump react-router from 7.17.2 to 7.18.6\n\nBumps [react-router](https://github.com/remix-run/react-router) from 7.17.2 to 7.18.6.\n\nSigned-off-by: dependabot[bot] <support@github.com>"),
    c("Sofia Lindqvist", "perf(pdp): lazy-load the reviews carousel below the fold\n\nLCP on the product page drops from 2.9 s to 2.1 s on the Moto G4 profile."),
    c("Amara Nwosu", "feat(search): typo-tolerant suggestions in the header search box"),
    c("Marcus Oyelaran", "fix: show the right currency symbol for en-CA shoppers\n\nRegression from #1204: Intl.NumberFormat was built once with the default locale."),
    c("Hannah Becker", "test(e2e): cover guest checkout with saved addresses"),
    c("Priya Raman", "refactor(cart): extract pricing rules into @storefront/pricing"),
  ],
  api: [
    c("Kenji Watanabe", "feat(orders): add idempotency keys to POST /orders\n\nRetries from the mobile app created duplicate orders under flaky networks.\nKeys are kept for 24 h in DynamoDB with a TTL."),
    c("Dev Patel", "fix(payments): retry card authorisation on 502 from the PSP"),
    c("Lucía Moreno", "chore: upgrade base image to node:20.19-alpine"),
    c("Kenji Watanabe", "feat(inventory): reserve stock for 15 minutes at checkout start"),
    c("Owen Gallagher", "fix(orders): return 409 instead of 500 on a duplicate order id"),
    c("dependabot[bot]", "chore(deps): bump @aws-sdk/client-dynamodb from 3.1130.0 to 3.1138.0"),
    c("Dev Patel", "feat(payments): support Apple Pay merchant tokens\n\nAdds the token decryption path behind the APPLE_PAY flag.\nSee RFC-031 for the key rotation plan."),
    c("Lucía Moreno", "docs(api): document pagination cursors in the OpenAPI spec"),
  ],
  mobile: [
    c("Tomás Ferreira", "feat(android): biometric sign-in on supported devices"),
    c("Sofia Lindqvist", "fix(ios): crash when opening an order from a push notification\n\nThe deep-link handler ran before the root view controller was attached."),
    c("Tomás Ferreira", "chore: bump versionCode to 4120 and marketing version to 4.12.0"),
    c("Amara Nwosu", "feat(checkout): native payment sheet on iOS and Android"),
    c("Sofia Lindqvist", "fix(android): respect system font scale in the order summary"),
    c("Tomás Ferreira", "build: move iOS signing to fastlane match"),
  ],
  infra: [
    c("Hannah Becker", "feat(vpc): add interface endpoints for ECR and CloudWatch Logs\n\nCuts NAT gateway data processing charges for the private subnets by ~40%."),
    c("Owen Gallagher", "fix(iam): scope the deploy role to the service's own stacks"),
    c("Hannah Becker", "chore(terraform): pin aws provider to 5.82.x"),
    c("Owen Gallagher", "feat(rds): enable Performance Insights on the orders cluster"),
    c("Hannah Becker", "refactor: split the networking module per environment"),
  ],
  data: [
    c("Lucía Moreno", "feat(etl): partition clickstream by event_date and country"),
    c("Kenji Watanabe", "fix(glue): handle late-arriving events up to 48 h"),
    c("Lucía Moreno", "chore: bump Glue job to version 5.0 (Spark 3.5)"),
    c("Dev Patel", "feat(aggregates): hourly conversion funnel table for the growth team"),
  ],
  legacy: [
    c("Owen Gallagher", "Fix rounding of VAT on multi-currency invoices"),
    c("Marcus Oyelaran", "Update invoice PDF footer with new company address"),
    c("Owen Gallagher", "Merge branch 'hotfix/BILL-882' into master"),
    c("Marcus Oyelaran", "Bump log4j to 2.24.3"),
  ],
  docs: [
    c("Amara Nwosu", "docs: add the returns API guide"),
    c("Priya Raman", "docs(sdk): update TypeScript examples for v4 of the client"),
    c("Dev Patel", "fix(docs): broken anchors in the webhooks page"),
  ],
};
