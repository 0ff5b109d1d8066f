"use client";
// The OpenAPI document the API reference renders (the same one /api/v1/openapi.json serves to tools).
import { useQuery } from "@tanstack/react-query";
import { api } from "@/components/api/client";

export type Operation = {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description: string }>;
};
export type Doc = { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };

export function useOpenApiDocument() {
  return useQuery({ queryKey: ["openapi"], queryFn: () => api<Doc>("/api/v1/openapi.json") });
}
