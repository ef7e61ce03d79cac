/*
  Warnings:

  - A unique constraint covering the columns `[orgId,type,externalId]` on the table `BusinessRecord` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "stepUpRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "BusinessRecord" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "stepUpLimit" DECIMAL(14,2);

-- AlterTable
ALTER TABLE "WorkflowVersion" ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "PushSubscription" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "userAgent" TEXT,
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "lastSuccessAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationLog" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "approvalRequestId" TEXT,
    "dedupeKey" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordChange" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "actionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldContractRule" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "recordType" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FieldContractRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuppressionEntry" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuppressionEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeEndpoint" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "secretCiphertext" TEXT NOT NULL,
    "formKey" TEXT NOT NULL,
    "rotatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "workflowId" TEXT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeItem" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'accepted',
    "runId" TEXT,
    "error" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntakeAttachment" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "intakeItemId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "extractedText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntakeAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PushSubscription_endpoint_key" ON "PushSubscription"("endpoint");

-- CreateIndex
CREATE INDEX "PushSubscription_userId_idx" ON "PushSubscription"("userId");

-- CreateIndex
CREATE INDEX "NotificationLog_orgId_createdAt_idx" ON "NotificationLog"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationLog_approvalRequestId_idx" ON "NotificationLog"("approvalRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationLog_orgId_dedupeKey_key" ON "NotificationLog"("orgId", "dedupeKey");

-- CreateIndex
CREATE INDEX "RecordChange_orgId_recordType_createdAt_idx" ON "RecordChange"("orgId", "recordType", "createdAt");

-- CreateIndex
CREATE INDEX "RecordChange_recordId_idx" ON "RecordChange"("recordId");

-- CreateIndex
CREATE UNIQUE INDEX "FieldContractRule_orgId_recordType_field_key" ON "FieldContractRule"("orgId", "recordType", "field");

-- CreateIndex
CREATE UNIQUE INDEX "SuppressionEntry_orgId_list_value_key" ON "SuppressionEntry"("orgId", "list", "value");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeEndpoint_workflowId_key" ON "IntakeEndpoint"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeEndpoint_formKey_key" ON "IntakeEndpoint"("formKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_orgId_idx" ON "ApiKey"("orgId");

-- CreateIndex
CREATE INDEX "IntakeItem_orgId_receivedAt_idx" ON "IntakeItem"("orgId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IntakeItem_workflowId_sourceId_key" ON "IntakeItem"("workflowId", "sourceId");

-- CreateIndex
CREATE INDEX "IntakeAttachment_intakeItemId_idx" ON "IntakeAttachment"("intakeItemId");

-- CreateIndex
CREATE UNIQUE INDEX "BusinessRecord_orgId_type_externalId_key" ON "BusinessRecord"("orgId", "type", "externalId");

-- AddForeignKey
ALTER TABLE "PushSubscription" ADD CONSTRAINT "PushSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeEndpoint" ADD CONSTRAINT "IntakeEndpoint_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeItem" ADD CONSTRAINT "IntakeItem_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntakeAttachment" ADD CONSTRAINT "IntakeAttachment_intakeItemId_fkey" FOREIGN KEY ("intakeItemId") REFERENCES "IntakeItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Hand-written: row-level security for the new tenant tables (docs/decisions/001) ───
-- PushSubscription belongs to a person, not an organisation, and is read by user id like RecoveryCode.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['NotificationLog', 'RecordChange', 'FieldContractRule', 'SuppressionEntry',
                           'IntakeEndpoint', 'ApiKey', 'IntakeItem', 'IntakeAttachment']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("orgId" = handrail_setting(''app.org_id'')) '
                   'WITH CHECK ("orgId" = handrail_setting(''app.org_id''))', t);
  END LOOP;
END
$$;

-- Public intake finds its endpoint (by id for webhooks, by form key for the lead form) or its API
-- key (by hash) before it knows the organisation; it then narrows the transaction to that org.
CREATE POLICY intake_endpoint_lookup ON "IntakeEndpoint" FOR SELECT
  USING ("id" = handrail_setting('app.intake_key') OR "formKey" = handrail_setting('app.intake_key'));
CREATE POLICY api_key_lookup ON "ApiKey" FOR SELECT
  USING ("keyHash" = handrail_setting('app.api_key_hash'));
