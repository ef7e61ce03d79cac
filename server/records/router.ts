import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { governanceSettingsRouters } from "./governance-settings-router";
import { listRecords, recordCounts } from "./list-records";
import { recordHistory } from "./record-history";
import { createRecord, deleteRecord, getRecord, updateRecord, type RecordContext } from "./record-service";
import {
  ZCreateRecordRequest,
  ZDeleteRecordRequest,
  ZGetRecordResponse,
  ZListRecordsRequest,
  ZListRecordsResponse,
  ZRecord,
  ZRecordHistoryRequest,
  ZRecordHistoryResponse,
  ZRecordOverviewResponse,
  ZRecordRef,
  ZUpdateRecordRequest,
  ZUpdateRecordResponse,
} from "./records.schemas";

const context = (ctx: { org: { id: string }; actor: { id: string; label: string } }): RecordContext => ({
  orgId: ctx.org.id,
  actor: { type: "human", id: ctx.actor.id, label: ctx.actor.label },
});

/** The built-in systems of record, worked by hand (every change is recorded as a human outcome). */
export const recordsRouter = router({
  overview: orgProcedure("record.read")
    .output(ZRecordOverviewResponse)
    .query(async ({ ctx }) => ({ counts: await ctx.scope((tx) => recordCounts(tx, ctx.org.id)) })),
  list: orgProcedure("record.read")
    .input(ZListRecordsRequest)
    .output(ZListRecordsResponse)
    .query(({ ctx, input }) => ctx.scope((tx) => listRecords(tx, ctx.org.id, input))),
  get: orgProcedure("record.read")
    .input(ZRecordRef)
    .output(ZGetRecordResponse)
    .query(({ ctx, input }) => ctx.scope((tx) => getRecord(tx, ctx.org.id, input))),
  history: orgProcedure("record.read")
    .input(ZRecordHistoryRequest)
    .output(ZRecordHistoryResponse)
    .query(({ ctx, input }) => ctx.scope((tx) => recordHistory(tx, ctx.org.id, input))),
  create: orgProcedure("record.write")
    .input(ZCreateRecordRequest)
    .output(ZRecord)
    .mutation(({ ctx, input }) => ctx.scope((tx) => createRecord(tx, context(ctx), input))),
  update: orgProcedure("record.write")
    .input(ZUpdateRecordRequest)
    .output(ZUpdateRecordResponse)
    .mutation(({ ctx, input }) => ctx.scope((tx) => updateRecord(tx, context(ctx), input))),
  delete: orgProcedure("record.write")
    .input(ZDeleteRecordRequest)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.scope((tx) => deleteRecord(tx, context(ctx), input));
      return { deleted: true as const };
    }),
  ...governanceSettingsRouters,
});
