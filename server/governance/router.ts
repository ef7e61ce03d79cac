import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { rollbackAction } from "./rollback-action";

export const governanceRouter = router({
  rollbackAction: orgProcedure("action.rollback")
    .input(z.object({ actionId: z.string().min(1).max(64) }))
    .output(z.object({ outcome: z.enum(["rolled_back", "conflict"]) }))
    .mutation(async ({ ctx, input }) => ({ outcome: await rollbackAction(ctx.org.id, input.actionId, ctx.actor) })),
});
