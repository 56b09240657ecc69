/**
 * The errors the emulator answers. CodePipeline's modeled errors are generated from its model
 * (./codepipeline.ts); services added later import theirs from their own generated module, since
 * services share error names (ResourceNotFoundException) with different meanings.
 */
export { AwsError } from "./aws-error";
export * from "./codepipeline";
export * from "./common";
