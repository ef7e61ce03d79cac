import { orgPath } from "@/components/shell/org-context";

export const recordsPath = (slug: string) => orgPath(slug, "/records");
export const recordListPath = (slug: string, type: string) => orgPath(slug, `/records/${encodeURIComponent(type)}`);
export const recordPath = (slug: string, type: string, id: string) =>
  orgPath(slug, `/records/${encodeURIComponent(type)}/${encodeURIComponent(id)}`);
