import { describe, expect, it } from "vitest";
import { parseConfig } from "./load-config";
import awsExample from "../../deploy/config.aws.example.json";

describe("deploy/config.aws.example.json", () => {
  it("is a valid config, so the README's copy-and-edit step starts from something that works", () => {
    expect(parseConfig(awsExample, "deploy/config.aws.example.json")).toMatchObject({ ok: true });
  });
});
