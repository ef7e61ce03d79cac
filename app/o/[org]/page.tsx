import type { Metadata } from "next";
import { Overview } from "@/components/org/overview";

export const metadata: Metadata = { title: "Overview" };

export default function OrgOverviewPage() {
  return <Overview />;
}
