import type { LanguageModelV4 } from "@ai-sdk/provider";
import { db } from "../../db/client";
import { loadProviderConfig, runOrgTask } from "../ai-service";
import { resolveModel, type ProviderConfig } from "../providers/resolve-model";
import type { TaskRunner } from "./evaluate";

export type OrgRunner = {
  org: { id: string; slug: string; name: string };
  provider: string;
  modelId: string;
  run: TaskRunner;
  /** Why items went to review instead of being answered (e.g. budget_exceeded, provider_error). */
  reviewReasons: Record<string, number>;
};

/**
 * Evaluation through an organisation's own AI setup: its saved provider (key decrypted here, on the
 * server), its taught examples, PII redaction and budgets, exactly as its workflows are answered.
 * The calls count toward its usage and budgets, as they spend its provider's tokens.
 */
export async function orgTaskRunner(options: {
  slug: string;
  /** `resolveModel` unless a test puts a double at the remote edge. */
  connect?: (config: ProviderConfig) => LanguageModelV4;
}): Promise<OrgRunner> {
  // Organisations themselves are not tenant rows: found by slug without a scope.
  const org = await db.organization.findUnique({
    where: { slug: options.slug },
    select: { id: true, slug: true, name: true },
  });
  if (!org) throw new Error(`No organisation with the slug "${options.slug}".`);
  const model = (options.connect ?? resolveModel)(await loadProviderConfig(org.id));
  const reviewReasons: Record<string, number> = {};
  const run: TaskRunner = async (request) => {
    const result = await runOrgTask({ orgId: org.id, connect: () => model }, request);
    if (result.status === "needs_review") reviewReasons[result.reason] = (reviewReasons[result.reason] ?? 0) + 1;
    return result;
  };
  return { org, provider: model.provider, modelId: model.modelId, run, reviewReasons };
}
