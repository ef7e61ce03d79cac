// html-to-text 10 ships no type declarations; intake uses one function.
declare module "html-to-text" {
  export function convert(html: string, options?: { wordwrap?: number | false }): string;
}
