import type { Metadata } from "next";
import { RecordDetail } from "@/components/records/record-detail";

export const metadata: Metadata = { title: "Record" };

export default async function RecordPage({ params }: PageProps<"/o/[org]/records/[type]/[id]">) {
  const { type, id } = await params;
  return <RecordDetail type={decodeURIComponent(type)} id={decodeURIComponent(id)} />;
}
