"use client";
// The builder's right-hand side: infer rows from a sample document, or edit the schema as JSON.
import { useState } from "react";
import { oramaSchema, type OramaSchema } from "@/lib/contracts/orama-schema";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/select";
import { parseSample } from "./infer";

const area = `${inputClass} min-h-64 font-mono text-xs`;

export function SampleTab({ onInfer }: { onInfer: (doc: Record<string, unknown>) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <label htmlFor="sample-doc" className="block text-sm font-medium">
        Sample document
      </label>
      <textarea
        id="sample-doc"
        className={area}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'{ "id": "1", "title": "Dune", "year": 1965, "tags": ["sf"], "meta": { "rating": 4.5 } }'}
      />
      {error ? <p className="text-xs text-red-600 dark:text-red-400">{error}</p> : null}
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          try {
            onInfer(parseSample(text));
            setError(null);
          } catch (e) {
            setError(`Cannot read the sample: ${(e as Error).message}`);
          }
        }}
      >
        Infer types
      </Button>
      <p className="text-xs text-zinc-500">Inferred properties replace rows of the same name and are added after the others.</p>
    </div>
  );
}

/** Two-way: typing valid JSON updates the rows; while the text is invalid the rows keep their last state. */
export function JsonTab({ schema, onChange }: { schema: OramaSchema; onChange: (s: OramaSchema) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft ?? JSON.stringify(schema, null, 2);
  return (
    <div className="space-y-2">
      <label htmlFor="schema-json" className="block text-sm font-medium">
        Schema (Orama format)
      </label>
      <textarea
        id="schema-json"
        className={area}
        value={text}
        spellCheck={false}
        onBlur={() => !error && setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value);
          try {
            const parsed = oramaSchema.safeParse(JSON.parse(e.target.value));
            if (!parsed.success) return setError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
            setError(null);
            onChange(parsed.data);
          } catch (err) {
            setError(`Invalid JSON: ${(err as Error).message}`);
          }
        }}
      />
      {error ? (
        <p className="text-xs text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
