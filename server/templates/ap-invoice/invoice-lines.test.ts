import { describe, expect, it } from "vitest";
import { linesTotal, readLinesAndTerms } from "./invoice-lines";

describe("readLinesAndTerms", () => {
  it("reads 'x qty @ price' lines, the subtotal and net terms", () => {
    const read = readLinesAndTerms(
      [
        "Acme Supplies Ltd",
        "Invoice number: INV-1001",
        "Office chairs x 12 @ 150.00",
        "Desk lamps x 4 @ $25.50",
        "Subtotal: 1,902.00",
        "VAT 20%: 380.40",
        "Total due: $2,282.40",
        "Payment terms: Net 45",
      ].join("\n"),
    );
    expect(read.lines).toEqual([
      { description: "Office chairs", quantity: 12, unit_price: 150 },
      { description: "Desk lamps", quantity: 4, unit_price: 25.5 },
    ]);
    expect(read.subtotal).toBe(1902);
    expect(read.termsDays).toBe(45);
    expect(linesTotal(read.lines)).toBe(1902);
  });

  it("reads table rows only when quantity times price gives the amount", () => {
    const read = readLinesAndTerms(
      ["Consulting services   10   120.00   1,200.00", "Phone   0049   30   12345", "Travel   2   80.00   999.00"].join(
        "\n",
      ),
    );
    expect(read.lines).toEqual([{ description: "Consulting services", quantity: 10, unit_price: 120 }]);
  });

  it("reads 'qty x item @ price', 'payable within' and 'due on receipt'", () => {
    expect(readLinesAndTerms("3 x Toner cartridges @ €89,90\nPayable within 14 days").lines).toEqual([
      { description: "Toner cartridges", quantity: 3, unit_price: 89.9 },
    ]);
    expect(readLinesAndTerms("Payable within 14 days").termsDays).toBe(14);
    expect(readLinesAndTerms("Due on receipt").termsDays).toBe(0);
    expect(readLinesAndTerms("Thank you for your business.").termsDays).toBeNull();
  });

  it("never reads summary lines as items", () => {
    expect(readLinesAndTerms("Total x 1 @ 500.00\nShipping x 1 @ 20.00").lines).toEqual([]);
  });
});
