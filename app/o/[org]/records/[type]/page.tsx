import type { Metadata } from "next";
import { RecordList } from "@/components/records/record-list";

export const metadata: Metadata = { title: "Records" };

export default async function RecordTypePage({ params }: PageProps<"/o/[org]/records/[type]">) {
  const { type } = await params;
  return <RecordList type={decodeURIComponent(type)} />;
}
