// Minimal types for the two wink packages that ship none.
declare module "wink-naive-bayes-text-classifier" {
  type NaiveBayes = {
    definePrepTasks(tasks: ((input: unknown) => unknown)[]): number;
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(input: string, label: string): boolean;
    consolidate(): boolean;
    computeOdds(input: string): [string, number][];
  };
  export default function naiveBayes(): NaiveBayes;
}

declare module "wink-nlp-utils" {
  const utils: {
    string: { tokenize0(text: string): string[]; lowerCase(text: string): string };
    tokens: {
      removeWords(tokens: string[]): string[];
      stem(tokens: string[]): string[];
      bigrams(tokens: string[]): string[][];
    };
  };
  export default utils;
}
