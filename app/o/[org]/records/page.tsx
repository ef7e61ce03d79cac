import type { Metadata } from "next";
import { RecordsHome } from "@/components/records/records-home";

export const metadata: Metadata = { title: "Records" };

export default function RecordsPage() {
  return <RecordsHome />;
}
