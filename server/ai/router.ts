import { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { addExample, getAiSettings, testConnection, updateAiSettings } from "./ai-settings";
import { loadProviderConfig } from "./ai-service";
import {
  ZAddExampleRequest,
  ZAiSettingsView,
  ZBudgetView,
  ZSetBudgetRequest,
  ZTestConnectionResponse,
  ZUpdateAiSettingsRequest,
} from "./ai.schemas";

export const aiRouter = router({
  settings: orgProcedure("ai.settings")
    .output(ZAiSettingsView)
    .query(({ ctx }) => ctx.scope((tx) => getAiSettings(tx, ctx.org.id))),

  updateSettings: orgProcedure("ai.settings")
    .input(ZUpdateAiSettingsRequest)
    .output(ZAiSettingsView)
    .mutation(({ ctx, input }) =>
      ctx.scope((tx) => updateAiSettings(tx, { orgId: ctx.org.id, actor: ctx.actor, input })),
    ),

  testConnection: orgProcedure("ai.settings")
    .output(ZTestConnectionResponse)
    .mutation(async ({ ctx }) => testConnection(await loadProviderConfig(ctx.org.id))),

  budgets: orgProcedure("ai.settings")
    .output(z.array(ZBudgetView))
    .query(({ ctx }) =>
      ctx.scope(async (tx) => {
        const rows = await tx.aiBudget.findMany({ where: { orgId: ctx.org.id }, orderBy: { createdAt: "asc" } });
        return rows.map((b) => ({
          id: b.id,
          workflowId: b.workflowId,
          period: b.period,
          maxTokens: b.maxTokens,
          maxCostUsd: b.maxCostUsd === null ? null : Number(b.maxCostUsd),
        }));
      }),
    ),

  setBudget: orgProcedure("ai.settings")
    .input(ZSetBudgetRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) =>
      ctx.scope(async (tx) => {
        const existing = await tx.aiBudget.findFirst({
          where: { orgId: ctx.org.id, workflowId: input.workflowId, period: input.period },
        });
        const data = { maxTokens: input.maxTokens, maxCostUsd: input.maxCostUsd };
        const row = existing
          ? await tx.aiBudget.update({ where: { id: existing.id }, data })
          : await tx.aiBudget.create({
              data: { orgId: ctx.org.id, workflowId: input.workflowId, period: input.period, ...data },
            });
        await appendAudit(tx, {
          orgId: ctx.org.id,
          actor: ctx.actor,
          action: "ai.budget_set",
          targetType: "AiBudget",
          targetId: row.id,
          data: {
            workflowId: input.workflowId,
            period: input.period,
            maxTokens: input.maxTokens,
            maxCostUsd: input.maxCostUsd,
          },
        });
        return { id: row.id };
      }),
    ),

  /** A reviewer corrects a classification or an extraction; later answers on similar text change. */
  addExample: orgProcedure("approval.decide")
    .input(ZAddExampleRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => ctx.scope((tx) => addExample(tx, { orgId: ctx.org.id, actor: ctx.actor, input }))),
});
