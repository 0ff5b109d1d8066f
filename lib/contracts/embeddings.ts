// Automatic embeddings settings of an index (an OpenAI-compatible embeddings API). Client-safe.
import { z } from "zod";

export const embeddingsSettings = z
  .object({
    provider: z.literal("openai-compatible"),
    baseUrl: z.url({ protocol: /^https?$/ }).meta({ description: "e.g. https://api.openai.com/v1 (POST {baseUrl}/embeddings)" }),
    model: z.string().min(1).max(200),
    dimensions: z.number().int().min(1).max(4096),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,63}$/, "an environment variable name (A-Z, 0-9, _)")
      .optional()
      .meta({ description: "Name of the environment variable holding the provider's API key (the key itself is never stored)" }),
    properties: z.array(z.string().min(1)).min(1).meta({ description: "String properties (dotted paths) whose text is embedded" }),
    targetProperty: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/)
      .default("embedding")
      .meta({ description: "Where the vector is kept on each document; searchable as vector[dimensions]" }),
  })
  .strict()
  .meta({ id: "EmbeddingsSettings" });
export type EmbeddingsSettings = z.infer<typeof embeddingsSettings>;
