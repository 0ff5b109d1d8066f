"use client";
// The OpenAPI document the API reference renders (the same one /api/v1/openapi.json serves to tools).
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";
import type { JsonSchema } from "@/lib/openapi/render";

export type MediaType = { schema?: JsonSchema; example?: unknown; examples?: Record<string, { value?: unknown }> };
export type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses?: Record<string, { description: string; headers?: Record<string, { description?: string; schema?: JsonSchema }>; content?: Record<string, MediaType> }>;
};
export type Doc = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

export function useOpenApiDocument() {
  return useQuery({ queryKey: ["openapi"], queryFn: () => api<Doc>("/api/v1/openapi.json") });
}
