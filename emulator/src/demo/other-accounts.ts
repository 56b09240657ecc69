// Teams keep dev and prod apart: the demo's second account (the one STS roles in sts/roles.ts lead to)
// runs production copies of the customer-facing pipelines, in us-east-1 and in eu-west-1, and the
// first account has one pipeline in eu-west-1 too. Same names in different accounts are on purpose:
// the dashboard must keep them apart.
import type { ScenarioPipeline } from "../scenario/types";
import { SECOND_ACCOUNT_ID } from "../scenario/accounts";
import { ACCOUNT, REGION } from "./builders";

export const OTHER_REGION = "eu-west-1";

const PLACES: { accountId: string; region: string; names: string[] }[] = [
  { accountId: SECOND_ACCOUNT_ID, region: REGION, names: ["web-storefront", "checkout-api", "payments-service", "identity-service"] },
  { accountId: SECOND_ACCOUNT_ID, region: OTHER_REGION, names: ["web-storefront", "checkout-api"] },
  { accountId: ACCOUNT, region: OTHER_REGION, names: ["clickstream-etl"] },
];

/** A pipeline as it would be declared in another account and region: every ARN and bucket follows. */
function movedTo(p: ScenarioPipeline, accountId: string, region: string): ScenarioPipeline {
  const text = JSON.stringify(p).replaceAll(ACCOUNT, accountId).replaceAll(REGION, region);
  return { ...(JSON.parse(text) as ScenarioPipeline), accountId, region };
}

/** Copies of the named home pipelines in the other accounts and regions. */
export function otherAccountPipelines(home: ScenarioPipeline[]): ScenarioPipeline[] {
  return PLACES.flatMap(({ accountId, region, names }) =>
    home.filter((p) => names.includes(p.declaration.name!)).map((p) => movedTo(p, accountId, region)),
  );
}
