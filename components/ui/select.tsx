import type { SelectHTMLAttributes } from "react";

/** Input styling without a width, for inputs sized by their row. */
export const inputBase =
  "block rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-900";
export const inputClass = `${inputBase} w-full`;

/** A select, full width unless `className` gives it a width. */
export function Select({ className = "", ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={`${inputBase} ${/\bw-/.test(className) ? "" : "w-full"} ${className}`} {...props} />;
}
