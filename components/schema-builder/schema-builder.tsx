"use client";
// Rows on the left, sample/JSON tabs on the right; the rows are the source of truth.
import { useState } from "react";
import { Tabs } from "@/components/ui/tabs";
import { inferRows } from "./infer";
import { mergeRows, rowsToSchema, schemaToRows, type Row } from "./model";
import { PropertyRows } from "./property-rows";
import { JsonTab, SampleTab } from "./side-tabs";

export function SchemaBuilder({
  rows,
  onChange,
  errors,
  original,
}: {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  errors: Record<string, string>;
  original?: Record<string, string>;
}) {
  const [side, setSide] = useState("sample");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="props-heading" className="space-y-3">
        <h2 id="props-heading" className="text-sm font-semibold">
          Properties
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Only properties used for search, filters, facets or sorting belong in the schema. Every other property is stored with the
          document anyway and returned in results. <span className="font-mono">id</span> is always present.
        </p>
        {rows.length === 0 ? <p className="text-sm text-zinc-500">No properties yet: add one, or infer them from a sample.</p> : null}
        <PropertyRows rows={rows} onChange={onChange} errors={errors} original={original} />
      </section>
      <section aria-label="Schema sources">
        <Tabs
          label="Schema sources"
          value={side}
          onChange={setSide}
          tabs={[
            { id: "sample", label: "Sample document" },
            { id: "json", label: "JSON" },
          ]}
        />
        {side === "sample" ? (
          <SampleTab onInfer={(doc) => onChange(mergeRows(rows, inferRows(doc)))} />
        ) : (
          <JsonTab schema={rowsToSchema(rows)} onChange={(s) => onChange(schemaToRows(s))} />
        )}
      </section>
    </div>
  );
}
