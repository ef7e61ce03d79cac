import { Faker, base, en } from "@faker-js/faker";

/** A faker with its own seed: the same seed gives the same sample data on every machine. */
export function seededFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  return faker;
}

/** "Miller, Group & Sons" → "miller-group-sons". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
