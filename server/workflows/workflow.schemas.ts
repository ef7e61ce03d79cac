import { z } from "zod";
import { ZWorkflowMode } from "../governance/policy.schemas";
import { ZVersionPolicy } from "../governance/policy-store";

export const ZCreateWorkflowRequest = z.object({
  name: z.string().trim().min(2).max(80),
  templateKey: z.string().trim().min(1).max(64),
  policy: ZVersionPolicy,
});

export const ZCreateVersionRequest = z.object({ workflowId: z.string().min(1).max(64), policy: ZVersionPolicy });
export const ZPublishVersionRequest = z.object({ versionId: z.string().min(1).max(64) });
export const ZSetModeRequest = z.object({ workflowId: z.string().min(1).max(64), mode: ZWorkflowMode });
export const ZPauseRequest = z.object({ workflowId: z.string().min(1).max(64).optional() });

export const ZWorkflowRequest = z.object({ workflowId: z.string().min(1).max(64) });
export const ZRunRequest = z.object({ runId: z.string().min(1).max(64) });
export const ZCreateFromTemplateRequest = z.object({
  templateKey: z.string().trim().min(1).max(64),
  name: z.string().trim().min(2).max(80).optional(),
  /** Validated by the template's own settings schema. */
  settings: z.record(z.string(), z.unknown()).default({}),
});
export const ZLoadSampleDataRequest = z.object({
  workflowId: z.string().min(1).max(64),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});
