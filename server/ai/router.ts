import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { addExample, getAiSettings, testConnection, updateAiSettings } from "./ai-settings";
import { loadProviderConfig } from "./ai-service";
import { budgetOverview, removeBudget, setBudget } from "./budget-service";
import {
  ZAddExampleRequest,
  ZAiSettingsView,
  ZBudgetOverview,
  ZRemoveBudgetRequest,
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

  /** Calls the saved provider once; its error comes back as a message, never as a thrown error. */
  testConnection: orgProcedure("ai.settings")
    .output(ZTestConnectionResponse)
    .mutation(async ({ ctx }) => testConnection(await loadProviderConfig(ctx.org.id))),

  /** Budgets with current-period usage, the organisation's totals, and the workflows a budget can name. */
  budgets: orgProcedure("ai.settings")
    .output(ZBudgetOverview)
    .query(({ ctx }) => ctx.scope((tx) => budgetOverview(tx, ctx.org.id))),

  setBudget: orgProcedure("ai.settings")
    .input(ZSetBudgetRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => ctx.scope((tx) => setBudget(tx, { orgId: ctx.org.id, actor: ctx.actor, input }))),

  removeBudget: orgProcedure("ai.settings")
    .input(ZRemoveBudgetRequest)
    .output(z.void())
    .mutation(({ ctx, input }) =>
      ctx.scope((tx) => removeBudget(tx, { orgId: ctx.org.id, actor: ctx.actor, id: input.id })),
    ),

  /** A reviewer corrects a classification or an extraction; later answers on similar text change. */
  addExample: orgProcedure("approval.decide")
    .input(ZAddExampleRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => ctx.scope((tx) => addExample(tx, { orgId: ctx.org.id, actor: ctx.actor, input }))),
});
