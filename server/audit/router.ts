import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { ZListAuditRequest, ZListAuditResponse, ZVerifyAuditResponse } from "./audit.schemas";
import { listAudit } from "./list-audit";
import { verifyAuditChain } from "./verify-audit";
import { exportAudit } from "./export-audit";
import { z } from "zod";

export const auditRouter = router({
  list: orgProcedure("audit.read")
    .input(ZListAuditRequest)
    .output(ZListAuditResponse)
    .query(({ ctx, input }) => ctx.scope((tx) => listAudit(tx, ctx.org.id, input))),
  verify: orgProcedure("audit.read")
    .output(ZVerifyAuditResponse)
    .mutation(({ ctx }) => ctx.scope((tx) => verifyAuditChain(tx, ctx.org.id))),
  export: orgProcedure("audit.export")
    .output(z.object({ filename: z.string(), content: z.string(), entries: z.number() }))
    .mutation(({ ctx }) => ctx.scope((tx) => exportAudit(tx, ctx.org.id))),
});
