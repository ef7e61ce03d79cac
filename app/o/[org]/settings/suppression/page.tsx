import type { Metadata } from "next";
import { SuppressionView } from "@/components/governance-settings/suppression-view";

export const metadata: Metadata = { title: "Suppression lists" };

export default function SuppressionPage() {
  return <SuppressionView />;
}
