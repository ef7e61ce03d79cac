import { accountRouter } from "../account/router";
import { aiRouter } from "../ai/router";
import { adminRouter } from "../admin/router";
import { approvalRouter } from "../approvals/router";
import { governanceRouter } from "../governance/router";
import { intakeRouter } from "../intake/router";
import { workflowRouter } from "../workflows/router";
import { auditRouter } from "../audit/router";
import { invitationRouter } from "../invitations/router";
import { devMailRouter } from "../mail/router";
import { memberRouter } from "../members/router";
import { orgRouter } from "../orgs/router";
import { recordsRouter } from "../records/router";
import { createCallerFactory, router } from "./init";

export const appRouter = router({
  account: accountRouter,
  org: orgRouter,
  member: memberRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  devMail: devMailRouter,
  admin: adminRouter,
  workflow: workflowRouter,
  approval: approvalRouter,
  governance: governanceRouter,
  records: recordsRouter,
  ai: aiRouter,
  intake: intakeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
