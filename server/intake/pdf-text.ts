import { extractText, getDocumentProxy } from "unpdf";

/** Pages read from one PDF: an invoice is a few pages; a huge document is not an invoice. */
const MAX_PAGES = 50;
/** The invoice payload's text limit. */
const MAX_TEXT = 200_000;

export type PdfText = { ok: true; text: string; pages: number } | { ok: false; message: string };

export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-");
}

/**
 * The text layer of a PDF (PDF.js through unpdf: pure JavaScript, no native code, works offline).
 * A scanned PDF without a text layer yields no text; OCR is out of scope.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (!looksLikePdf(bytes)) return { ok: false, message: "That file is not a PDF." };
  try {
    // PDF.js takes ownership of the buffer it is given; keep the caller's bytes intact.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
    try {
      if (pdf.numPages > MAX_PAGES) {
        return { ok: false, message: `The PDF has ${pdf.numPages} pages; invoices up to ${MAX_PAGES} pages are read.` };
      }
      const { text } = await extractText(pdf, { mergePages: true });
      const clean = text.replace(/[ \t]+\n/g, "\n").trim();
      if (!clean) return { ok: false, message: "The PDF has no text layer (a scan?). Paste the invoice text instead." };
      return { ok: true, text: clean.slice(0, MAX_TEXT), pages: pdf.numPages };
    } finally {
      await pdf.destroy();
    }
  } catch {
    return { ok: false, message: "The PDF could not be read (damaged or encrypted)." };
  }
}
