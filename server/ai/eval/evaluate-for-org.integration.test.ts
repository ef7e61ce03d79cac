import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { MockLanguageModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { createOrgWithOwner, createUser, uniqueEmail } from "../../../prisma/factories";
import { callerFor } from "../../testing/callers";
import type { ProviderConfig } from "../providers/resolve-model";
import { evaluateTask } from "./evaluate";
import { orgTaskRunner } from "./evaluate-for-org";

type Person = { id: string; email: string };
let owner: Person;
let remoteOrg: { id: string; slug: string };
let embeddedOrg: { id: string; slug: string };

const rows = [
  { text: "Please resend invoice 4411, the amount looks wrong.", label: "billing" },
  { text: "The app crashes when I upload a photo. Reach me at ana@example.com.", label: "technical" },
  { text: "My invoice total doubled this month.", label: "billing" },
  { text: "I would like a refund for the unused seats.", label: "refund" },
];

/** A remote model double: "billing" when the text mentions an invoice, otherwise "technical". */
function remoteDouble() {
  return new MockLanguageModelV4({
    provider: "openai.chat",
    modelId: "gpt-4o",
    doGenerate: (options) => {
      const prompt = JSON.stringify(options.prompt);
      const text = prompt.slice(prompt.lastIndexOf("<untrusted_input>"));
      const label = /invoice/i.test(text) ? "billing" : "technical";
      return Promise.resolve({
        content: [{ type: "text" as const, text: JSON.stringify({ label, confidence: 0.9, rationale: "keyword" }) }],
        finishReason: { unified: "stop" as const, raw: "stop" },
        usage: {
          inputTokens: { total: 120, noCache: 120, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 12, text: 12, reasoning: undefined },
        },
        warnings: [],
      });
    },
  });
}

beforeAll(async () => {
  owner = await createUser({ email: uniqueEmail("eval-owner") });
  remoteOrg = await createOrgWithOwner(owner, "Eval Remote Org");
  embeddedOrg = await createOrgWithOwner(owner, "Eval Embedded Org");
  await callerFor(owner, remoteOrg.slug).ai.updateSettings({
    provider: "openai",
    model: "gpt-4o",
    apiKey: "sk-eval-secret-42",
  });
});

describe("evaluation through an organisation's configured provider", () => {
  it("connects with the saved provider, model and decrypted key, redacts PII, and scores the answers", async () => {
    const seen: ProviderConfig[] = [];
    const model = remoteDouble();
    const runner = await orgTaskRunner({
      slug: remoteOrg.slug,
      connect: (config) => {
        seen.push(config);
        return model;
      },
    });
    expect(seen[0]).toMatchObject({ provider: "openai", model: "gpt-4o", apiKey: "sk-eval-secret-42" });
    expect(runner).toMatchObject({ provider: "openai.chat", modelId: "gpt-4o", org: { slug: remoteOrg.slug } });

    const report = await evaluateTask({ task: "support.category", rows, run: runner.run });
    expect(report).toMatchObject({ kind: "classify", items: 4, accuracy: 0.75, needs_review: 0 });
    expect(report.kind === "classify" && report.per_label).toEqual({
      billing: { items: 2, accuracy: 1 },
      technical: { items: 1, accuracy: 1 },
      refund: { items: 1, accuracy: 0 },
    });
    expect(model.doGenerateCalls).toHaveLength(4);
    expect(JSON.stringify(model.doGenerateCalls.map((c) => c.prompt))).not.toContain("ana@example.com");
  });

  it("counts items its budget stops as needs review, with the reason", async () => {
    await callerFor(owner, remoteOrg.slug).ai.setBudget({ period: "day", maxTokens: 1 });
    const model = remoteDouble();
    const runner = await orgTaskRunner({ slug: remoteOrg.slug, connect: () => model });
    const report = await evaluateTask({ task: "support.category", rows, run: runner.run });
    expect(report).toMatchObject({ items: 4, needs_review: 4, accuracy: 0 });
    expect(runner.reviewReasons).toEqual({ budget_exceeded: 4 });
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it("uses the embedded model for an organisation that chose no provider, and refuses an unknown slug", async () => {
    const runner = await orgTaskRunner({ slug: embeddedOrg.slug });
    expect(runner).toMatchObject({ provider: "handrail-embedded", modelId: "handrail-embedded-1" });
    await expect(orgTaskRunner({ slug: "no-such-org-anywhere" })).rejects.toThrow(/No organisation/);
  });

  it("npm run eval -- --org <slug> --task … --json ends with the figures as one JSON line", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["tsx", "scripts/eval.ts", "--org", embeddedOrg.slug, "--task", "support.sentiment", "--json"],
      { env: process.env, encoding: "utf8", maxBuffer: 10_000_000 },
    );
    expect(stdout).toContain(`Evaluating through Eval Embedded Org (${embeddedOrg.slug}): handrail-embedded`);
    const figures = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    expect(figures).toMatchObject({ task: "support.sentiment", needs_review: 0 });
    expect(figures.items).toBeGreaterThanOrEqual(150);
    expect(figures.accuracy).toBeGreaterThan(0.8);
    expect(figures.thresholds).toEqual(
      expect.arrayContaining([expect.objectContaining({ threshold: 0.9, coverage: expect.any(Number) as unknown })]),
    );
  }, 120_000);
});
