import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertValidProposedValue } from "./record-validation";

describe("assertValidProposedValue (an approver's edit, checked like a save)", () => {
  it("accepts a value the field's schema accepts", () => {
    expect(() => assertValidProposedValue("helpdesk.ticket", "urgency", "high")).not.toThrow();
    expect(() => assertValidProposedValue("crm.contact", "fit_score", 72)).not.toThrow();
  });

  it("refuses a value of the wrong shape with the field named", () => {
    expect(() => assertValidProposedValue("helpdesk.ticket", "urgency", "whenever")).toThrow(AppError);
    expect(() => assertValidProposedValue("crm.contact", "fit_score", 250)).toThrow(/fit_score/);
  });

  it("refuses a field the record type does not have", () => {
    expect(() => assertValidProposedValue("crm.contact", "shoe_size", 42)).toThrow(/no field "shoe_size"/);
  });

  it("checks a whole record against its schema", () => {
    expect(() => assertValidProposedValue("crm.task", "*", { title: "Call back" })).not.toThrow();
    expect(() => assertValidProposedValue("crm.task", "*", { title: "" })).toThrow(AppError);
  });

  it("leaves types outside the registry to their connector", () => {
    expect(() => assertValidProposedValue("outbound.email", "body", 123)).not.toThrow();
  });
});
