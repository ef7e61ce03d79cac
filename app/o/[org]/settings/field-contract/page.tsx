import type { Metadata } from "next";
import { FieldContractView } from "@/components/governance-settings/field-contract-view";

export const metadata: Metadata = { title: "Field ownership contract" };

export default function FieldContractPage() {
  return <FieldContractView />;
}
