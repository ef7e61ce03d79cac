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
