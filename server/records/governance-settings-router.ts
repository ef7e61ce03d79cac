import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { getFieldContract, resetFieldContract, setFieldRule, type SettingsContext } from "./field-contract-service";
import {
  ZAddSuppressionRequest,
  ZAddSuppressionResponse,
  ZFieldContractRequest,
  ZFieldContractResponse,
  ZListSuppressionRequest,
  ZListSuppressionResponse,
  ZRemoveSuppressionRequest,
  ZResetFieldContractRequest,
  ZSetFieldRuleRequest,
} from "./governance-settings.schemas";
import { addSuppression, listSuppression, removeSuppression } from "./suppression-service";

const settings = (ctx: {
  org: { id: string };
  user: { id: string };
  actor: SettingsContext["actor"];
}): SettingsContext => ({ orgId: ctx.org.id, userId: ctx.user.id, actor: ctx.actor });

/**
 * The organisation's field ownership contract and suppression lists: everyone who works records
 * may read them (they explain why the gate decided what it did); only governance editors change them.
 */
export const governanceSettingsRouters = {
  fieldContract: router({
    get: orgProcedure("record.read")
      .input(ZFieldContractRequest)
      .output(ZFieldContractResponse)
      .query(({ ctx, input }) => ctx.scope((tx) => getFieldContract(tx, ctx.org.id, input.recordType))),
    set: orgProcedure("governance.edit")
      .input(ZSetFieldRuleRequest)
      .output(ZFieldContractResponse)
      .mutation(({ ctx, input }) =>
        ctx.scope(async (tx) => {
          await setFieldRule(tx, settings(ctx), input);
          return getFieldContract(tx, ctx.org.id, input.recordType);
        }),
      ),
    reset: orgProcedure("governance.edit")
      .input(ZResetFieldContractRequest)
      .output(ZFieldContractResponse.extend({ reset: z.number() }))
      .mutation(({ ctx, input }) =>
        ctx.scope(async (tx) => {
          const { reset } = await resetFieldContract(tx, settings(ctx), input);
          return { ...(await getFieldContract(tx, ctx.org.id, input.recordType)), reset };
        }),
      ),
  }),
  suppression: router({
    list: orgProcedure("record.read")
      .input(ZListSuppressionRequest)
      .output(ZListSuppressionResponse)
      .query(({ ctx, input }) => ctx.scope((tx) => listSuppression(tx, ctx.org.id, input))),
    add: orgProcedure("governance.edit")
      .input(ZAddSuppressionRequest)
      .output(ZAddSuppressionResponse)
      .mutation(({ ctx, input }) => ctx.scope((tx) => addSuppression(tx, settings(ctx), input))),
    remove: orgProcedure("governance.edit")
      .input(ZRemoveSuppressionRequest)
      .output(z.object({ removed: z.number() }))
      .mutation(({ ctx, input }) => ctx.scope((tx) => removeSuppression(tx, settings(ctx), input))),
  }),
};
