import type { Metadata } from "next";
import { Outbox } from "@/components/dev/outbox";
import { Logo } from "@/components/ui/logo";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dev outbox" };

export default function DevOutboxPage() {
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center px-4">
          <Logo />
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-8">
        <PageHeader title="Dev outbox" description="Mail sent while developing locally." />
        <Outbox />
      </main>
    </div>
  );
}
