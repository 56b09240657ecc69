import { describe, expect, it } from "vitest";
import { sourcedKey, splitSourcedKey } from "./sourced-key";

describe("sourcedKey", () => {
  it("keeps same-named pipelines of two sources apart", () => {
    expect(sourcedKey("prod", "web")).not.toBe(sourcedKey("prod-eu", "web"));
  });

  it("splits back into the source id (a default source's region@host included) and the key", () => {
    expect(splitSourcedKey(sourcedKey("us-east-1@127.0.0.1:4010", "checkout/Approve/Gate/e1"))).toEqual({
      sourceId: "us-east-1@127.0.0.1:4010",
      key: "checkout/Approve/Gate/e1",
    });
    expect(splitSourcedKey("checkout")).toBeUndefined();
  });
});
