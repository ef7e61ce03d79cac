import { z } from "zod";
import { router } from "../trpc/init";
import { orgProcedure } from "../trpc/procedures";
import { listTemplates } from "../templates";
import {
  createWorkflowFromTemplate,
  loadSampleData,
  sendSampleItem,
  ZSendSampleItemRequest,
} from "./template-workflow";
import { getRunDetail, getWorkflowDetail, listWorkflowOverview } from "./workflow-queries";
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
  ZCreateFromTemplateRequest,
  ZCreateVersionRequest,
  ZCreateWorkflowRequest,
  ZLoadSampleDataRequest,
  ZPauseRequest,
  ZPublishVersionRequest,
  ZRunRequest,
  ZSetModeRequest,
  ZWorkflowRequest,
} from "./workflow.schemas";

type Ctx = {
  org: { id: string };
  user: { id: string };
  actor: WorkflowActor["actor"];
  membership?: { role: NonNullable<WorkflowActor["role"]> };
};

const actorOf = (ctx: Ctx): WorkflowActor => ({
  orgId: ctx.org.id,
  userId: ctx.user.id,
  actor: ctx.actor,
  role: ctx.membership?.role,
});

export const workflowRouter = router({
  list: orgProcedure("workflow.read").query(({ ctx }) => ctx.scope((tx) => listWorkflows(tx, ctx.org.id))),
  overview: orgProcedure("workflow.read").query(({ ctx }) => ctx.scope((tx) => listWorkflowOverview(tx, ctx.org.id))),
  get: orgProcedure("workflow.read")
    .input(ZWorkflowRequest)
    .query(({ ctx, input }) => ctx.scope((tx) => getWorkflowDetail(tx, ctx.org.id, input.workflowId))),
  run: orgProcedure("run.read")
    .input(ZRunRequest)
    .query(({ ctx, input }) => ctx.scope((tx) => getRunDetail(tx, ctx.org.id, input.runId))),
  templates: orgProcedure("workflow.read").query(() =>
    listTemplates().map((t) => ({
      key: t.key,
      name: t.name,
      description: t.description,
      intakeKinds: [...t.intakeKinds],
      minutesPerItem: t.minutesPerItem,
      settingsSchema: z.toJSONSchema(t.settingsSchema, { io: "input", unrepresentable: "any" }),
      defaultSettings: t.defaultSettings(),
    })),
  ),
  create: orgProcedure("workflow.edit")
    .input(ZCreateWorkflowRequest)
    .mutation(({ ctx, input }) => createWorkflow(actorOf(ctx), input)),
  createFromTemplate: orgProcedure("workflow.edit")
    .input(ZCreateFromTemplateRequest)
    .mutation(({ ctx, input }) => createWorkflowFromTemplate(actorOf(ctx), input)),
  loadSampleData: orgProcedure("workflow.edit")
    .input(ZLoadSampleDataRequest)
    .mutation(({ ctx, input }) => loadSampleData(actorOf(ctx), input)),
  sendSampleItem: orgProcedure("workflow.edit")
    .input(ZSendSampleItemRequest)
    .mutation(({ ctx, input }) => sendSampleItem(actorOf(ctx), input)),
  createVersion: orgProcedure("workflow.edit")
    .input(ZCreateVersionRequest)
    .mutation(({ ctx, input }) => createVersion(actorOf(ctx), input.workflowId, input.policy)),
  publish: orgProcedure("workflow.publish")
    .input(ZPublishVersionRequest)
    .mutation(({ ctx, input }) => publishVersion(actorOf(ctx), input.versionId)),
  // Off and shadow need `workflow.edit`; suggest and auto act on records and need `workflow.publish` (service).
  setMode: orgProcedure("workflow.edit")
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
