"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LoadingBlock } from "@/components/ui/spinner";
import { ProviderForm } from "./provider-form";

export function ProviderSettings() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.ai.settings.queryOptions());
  return (
    <Card
      title="Model provider"
      description="Which model answers this organisation's AI steps. The embedded model is the default and works offline."
      data-testid="ai-provider-card"
    >
      {settings.isPending ? (
        <LoadingBlock label="Loading AI settings…" testId="ai-settings-loading" />
      ) : settings.isError ? (
        <Alert tone="error" title="The AI settings could not be loaded" data-testid="ai-settings-load-error">
          <p>{errorMessage(settings.error)}</p>
          <Button size="sm" variant="secondary" className="mt-2" onClick={() => void settings.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <ProviderForm view={settings.data} />
      )}
    </Card>
  );
}
