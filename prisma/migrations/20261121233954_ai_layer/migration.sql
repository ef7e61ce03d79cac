-- CreateEnum
CREATE TYPE "AiProviderKind" AS ENUM ('embedded', 'openai', 'anthropic', 'openai_compatible');

-- CreateEnum
CREATE TYPE "AiBudgetPeriod" AS ENUM ('day', 'month');

-- CreateTable
CREATE TABLE "AiSettings" (
    "orgId" TEXT NOT NULL,
    "provider" "AiProviderKind" NOT NULL DEFAULT 'embedded',
    "model" TEXT,
    "baseUrl" TEXT,
    "apiKeyCiphertext" TEXT,
    "redactPii" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiSettings_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "AiBudget" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "workflowId" TEXT,
    "period" "AiBudgetPeriod" NOT NULL,
    "maxTokens" INTEGER,
    "maxCostUsd" DECIMAL(12,4),
    "alertedPeriod" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiBudget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiUsage" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "workflowId" TEXT,
    "task" TEXT NOT NULL,
    "modelId" TEXT NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "costUsd" DECIMAL(12,6) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiUsage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiExample" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "label" TEXT,
    "fields" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AiExample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AiBudget_orgId_workflowId_period_key" ON "AiBudget"("orgId", "workflowId", "period");

-- CreateIndex
CREATE INDEX "AiUsage_orgId_createdAt_idx" ON "AiUsage"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "AiUsage_orgId_workflowId_createdAt_idx" ON "AiUsage"("orgId", "workflowId", "createdAt");

-- CreateIndex
CREATE INDEX "AiExample_orgId_task_idx" ON "AiExample"("orgId", "task");

-- ─── Hand-written: row-level security for the AI tables (docs/decisions/001, 005) ───
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['AiSettings', 'AiBudget', 'AiUsage', 'AiExample']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("orgId" = handrail_setting(''app.org_id'')) '
                   'WITH CHECK ("orgId" = handrail_setting(''app.org_id''))', t);
  END LOOP;
END
$$;
