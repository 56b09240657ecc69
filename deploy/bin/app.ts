import { App } from "aws-cdk-lib/core";
import { buildApp } from "../lib/app";
import { SettingsError } from "../lib/settings";

const app = new App();
try {
  buildApp(app);
} catch (error) {
  // A wrong setting is the operator's to fix: its message, not a stack trace.
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
