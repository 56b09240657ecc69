// Writes deploy/iam-policy-*.json and deploy/trust-policy-*.json from deploy/lib/permissions.ts.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { policyFiles, policyFileText } from "../lib/policy-files";

for (const [name, document] of Object.entries(policyFiles())) {
  writeFileSync(fileURLToPath(new URL(`../${name}`, import.meta.url)), policyFileText(document));
  console.log(`wrote deploy/${name}`);
}
