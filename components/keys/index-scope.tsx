"use client";
// Index scope for a new key: all indexes, or a chosen list — checkboxes when the indexes API answers,
// a comma-separated text field otherwise (the form must work before any index exists).
import { useState } from "react";

export function IndexScope({
  known,
  value,
  onChange,
  error,
}: {
  known: string[] | null;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  const all = value.length === 1 && value[0] === "*";
  const [text, setText] = useState("");
  const fromText = (t: string) => t.split(",").map((s) => s.trim()).filter(Boolean);
  const pickable = known !== null && known.length > 0;
  const radio = "flex items-center gap-2 text-sm";
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Indexes</legend>
      <label className={radio}>
        <input type="radio" name="scope" checked={all} onChange={() => onChange(["*"])} /> All indexes
      </label>
      <label className={radio}>
        <input type="radio" name="scope" checked={!all} onChange={() => onChange(pickable ? [] : fromText(text))} /> Only these indexes
      </label>
      {!all && pickable ? (
        <div className="ml-6 flex flex-wrap gap-3">
          {known.map((id) => (
            <label key={id} className={radio}>
              <input
                type="checkbox"
                checked={value.includes(id)}
                onChange={(e) => onChange(e.target.checked ? [...value, id] : value.filter((v) => v !== id))}
              />
              <span className="font-mono">{id}</span>
            </label>
          ))}
        </div>
      ) : null}
      {!all && !pickable ? (
        <div className="ml-6 space-y-1">
          <label htmlFor="key-indexes" className="block text-xs text-zinc-500">
            Index ids, comma-separated
          </label>
          <input
            id="key-indexes"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              onChange(fromText(e.target.value));
            }}
            placeholder="products, docs"
            className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
      ) : null}
      {error ? <p className="text-xs text-red-600 dark:text-red-400">{error}</p> : null}
    </fieldset>
  );
}
