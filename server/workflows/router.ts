import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import {
  createVersion,
  createWorkflow,
  listWorkflows,
  pauseAutomation,
  publishVersion,
  resumeAutomation,
  setWorkflowMode,
  type WorkflowActor,
} from "./workflow-service";
import {
  ZCreateVersionRequest,
  ZCreateWorkflowRequest,
  ZPauseRequest,
  ZPublishVersionRequest,
  ZSetModeRequest,
} from "./workflow.schemas";

const actorOf = (ctx: { org: { id: string }; user: { id: string }; actor: WorkflowActor["actor"] }): WorkflowActor => ({
  orgId: ctx.org.id,
  userId: ctx.user.id,
  actor: ctx.actor,
});

export const workflowRouter = router({
  list: orgProcedure("workflow.read").query(({ ctx }) => ctx.scope((tx) => listWorkflows(tx, ctx.org.id))),
  create: orgProcedure("workflow.edit")
    .input(ZCreateWorkflowRequest)
    .mutation(({ ctx, input }) => createWorkflow(actorOf(ctx), input)),
  createVersion: orgProcedure("workflow.edit")
    .input(ZCreateVersionRequest)
    .mutation(({ ctx, input }) => createVersion(actorOf(ctx), input.workflowId, input.policy)),
  publish: orgProcedure("workflow.publish")
    .input(ZPublishVersionRequest)
    .mutation(({ ctx, input }) => publishVersion(actorOf(ctx), input.versionId)),
  setMode: orgProcedure("governance.edit")
    .input(ZSetModeRequest)
    .mutation(({ ctx, input }) => setWorkflowMode(actorOf(ctx), input.workflowId, input.mode)),
  pause: orgProcedure("governance.killSwitch")
    .input(ZPauseRequest)
    .output(z.void())
    .mutation(({ ctx, input }) => pauseAutomation(actorOf(ctx), input.workflowId)),
  resume: orgProcedure("governance.killSwitch")
    .input(ZPauseRequest)
    .mutation(({ ctx, input }) => resumeAutomation(actorOf(ctx), input.workflowId)),
});
