import { describe, expect, it } from "vitest";
import { mergeSuppressionLists, orgFieldContract, stricterRule, tightenFieldContract } from "./field-contract";
import { RECORD_TYPE_KEYS, RECORD_TYPES } from "./record-types";

describe("field contract merge", () => {
  it("orders rules from write to never", () => {
    expect(stricterRule("write", "never")).toBe("never");
    expect(stricterRule("suggest_only", "write_if_empty")).toBe("suggest_only");
    expect(stricterRule("write", "write")).toBe("write");
  });

  it("covers every field of every record type with its default", () => {
    const contract = orgFieldContract([]);
    for (const type of RECORD_TYPE_KEYS) {
      expect(Object.keys(contract[type] ?? {}).sort()).toEqual(Object.keys(RECORD_TYPES[type].schema.shape).sort());
    }
    expect(contract["crm.contact"]?.opt_out).toEqual({ rule: "never", protected: true });
  });

  it("applies organisation rows, ignores unknown ones, never unprotects a default-protected field", () => {
    const contract = orgFieldContract([
      { recordType: "crm.contact", field: "title", rule: "never", protected: false },
      { recordType: "crm.contact", field: "owner", rule: "write", protected: false },
      { recordType: "crm.contact", field: "nope", rule: "write", protected: false },
      { recordType: "crm.nothing", field: "title", rule: "write", protected: false },
      { recordType: "crm.contact", field: "status", rule: "sometimes", protected: false },
    ]);
    expect(contract["crm.contact"]?.title).toEqual({ rule: "never", protected: false });
    expect(contract["crm.contact"]?.owner).toEqual({ rule: "write", protected: true });
    expect(contract["crm.contact"]?.status?.rule).toBe("suggest_only");
    expect(contract["crm.nothing"]).toBeUndefined();
  });

  it("lets a version tighten but never loosen, and keeps its rules for types outside the registry", () => {
    const org = orgFieldContract([]);
    const merged = tightenFieldContract(org, {
      "crm.contact": {
        opt_out: { rule: "write", protected: false },
        fit_score: { rule: "never", protected: true },
      },
      invoice: { status: { rule: "write", protected: false } },
    });
    expect(merged["crm.contact"]?.opt_out).toEqual({ rule: "never", protected: true });
    expect(merged["crm.contact"]?.fit_score).toEqual({ rule: "never", protected: true });
    expect(merged.invoice?.status).toEqual({ rule: "write", protected: false });
    // The organisation's contract itself is not mutated.
    expect(org["crm.contact"]?.fit_score).toEqual({ rule: "write", protected: false });
  });

  it("unions suppression entries per list, lower-cased", () => {
    expect(
      mergeSuppressionLists(
        [
          { list: "opt_out", value: "A@x.test" },
          { list: "opt_out", value: "b@x.test" },
          { list: "unknown", value: "c@x.test" },
        ],
        { opt_out: ["a@x.test"], competitors: ["rival.test"] },
      ),
    ).toEqual({ opt_out: ["a@x.test", "b@x.test"], competitors: ["rival.test"] });
  });
});
