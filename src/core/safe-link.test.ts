import { describe, expect, it } from "vitest";
import { safeHref } from "./safe-link";

describe("safeHref", () => {
  it("keeps http and https URLs", () => {
    expect(safeHref("https://github.com/acme/web/commit/abc")).toBe("https://github.com/acme/web/commit/abc");
    expect(safeHref("http://localhost:8080/x")).toBe("http://localhost:8080/x");
  });

  it("refuses script and data URLs, whatever their case or padding", () => {
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
    expect(safeHref("  JavaScript:alert(1)")).toBeUndefined();
    expect(safeHref("data:text/html,<script>alert(1)</script>")).toBeUndefined();
  });

  it("refuses relative and malformed values", () => {
    expect(safeHref("/pipelines/x")).toBeUndefined();
    expect(safeHref("not a url")).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});
