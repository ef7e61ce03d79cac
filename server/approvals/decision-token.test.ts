import { describe, expect, it } from "vitest";
import { checkDecisionToken, issueDecisionToken } from "./decision-token";

const binding = { orgId: "org_1", approvalId: "apr_1", userId: "usr_1" };
const now = Date.UTC(2026, 10, 22, 12);
const inAnHour = new Date(now + 3600_000);

const codeOf = (fn: () => void) => {
  try {
    fn();
    return "OK";
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("decision tokens", () => {
  it("work for the person and request they were issued for, until they expire", () => {
    const token = issueDecisionToken(binding, inAnHour, now);
    expect(codeOf(() => checkDecisionToken(token, binding, now + 1000))).toBe("OK");
    expect(codeOf(() => checkDecisionToken(token, binding, now + 3600_000))).toBe("CONFLICT");
  });

  it("never outlive twelve hours, even for a request due later", () => {
    const token = issueDecisionToken(binding, new Date(now + 48 * 3600_000), now);
    expect(codeOf(() => checkDecisionToken(token, binding, now + 11 * 3600_000))).toBe("OK");
    expect(codeOf(() => checkDecisionToken(token, binding, now + 12 * 3600_000))).toBe("CONFLICT");
  });

  it("are refused for anyone or anything else, and when tampered with", () => {
    const token = issueDecisionToken(binding, inAnHour, now);
    expect(codeOf(() => checkDecisionToken(token, { ...binding, userId: "usr_2" }, now))).toBe("FORBIDDEN");
    expect(codeOf(() => checkDecisionToken(token, { ...binding, approvalId: "apr_2" }, now))).toBe("FORBIDDEN");
    expect(codeOf(() => checkDecisionToken(token, { ...binding, orgId: "org_2" }, now))).toBe("FORBIDDEN");
    const [expires, sig] = token.split(".");
    const later = (parseInt(expires!, 36) + 3600_000).toString(36);
    expect(codeOf(() => checkDecisionToken(`${later}.${sig}`, binding, now))).toBe("FORBIDDEN");
    expect(codeOf(() => checkDecisionToken("garbage", binding, now))).toBe("FORBIDDEN");
  });
});
