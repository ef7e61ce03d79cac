"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrors } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function CreateOrgForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.org.create.mutationOptions({
      onSuccess: async (org) => {
        await queryClient.invalidateQueries(trpc.org.listMine.queryFilter());
        router.push(`/o/${encodeURIComponent(org.slug)}`);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name });
  }

  const fields = fieldErrors(create.error);
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="create-org-form">
      {create.error && !fields.name ? (
        <Alert tone="error" data-testid="create-org-error">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      <Field id="org-name" label="Organisation name" hint="Usually your company or team name." error={fields.name}>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Acme Ltd"
          autoComplete="organization"
          data-testid="org-name"
        />
      </Field>
      <Button
        type="submit"
        loading={create.isPending || create.isSuccess}
        className="w-full"
        data-testid="create-org-submit"
      >
        Create organisation
      </Button>
    </form>
  );
}
